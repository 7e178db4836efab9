package org.sitmap.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sitmap.ui.session.ServerOpener;

/**
 * The window's password prompt for a team server that asks one (no {@code PGPASSWORD}, no {@code ~/.pgpass} line).
 * The typed characters go straight to the opener as a {@code char[]}; the field is cleared when the dialog closes.
 * Nothing of it is logged or kept beyond the open window.
 *
 * <p>Threading: {@link #prompt} gives a {@link ServerOpener.Prompt} that the worker calls; it shows the dialog on
 * the FX thread and blocks the worker (never the FX thread) until the user answers.
 */
final class PasswordDialog {
    private PasswordDialog() { }

    /** A prompt showing the dialog over the window {@code owner} gives (may give null). */
    static ServerOpener.Prompt prompt(Supplier<Window> owner) {
        return (server, user, refused) -> {
            CompletableFuture<char[]> answer = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    answer.complete(show(owner.get(), server, user, refused));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
            try {
                return answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw new IllegalStateException("the password dialog failed", e.getCause());
            }
        };
    }

    private static char[] show(Window owner, String server, String user, boolean refused) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Password for " + server);
        d.setHeaderText((refused ? "The server refused that password. " : "") + "Password of " + user + " at " + server);
        PasswordField field = new PasswordField();
        field.setId("server-password");
        Label note = new Label("Kept in memory while the window is open; never saved.");
        d.getDialogPane().setContent(new VBox(8, field, note));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (owner != null) d.initOwner(owner);
        Platform.runLater(field::requestFocus);
        ButtonType b = d.showAndWait().orElse(ButtonType.CANCEL);
        String typed = field.getText();
        field.clear();
        return b == ButtonType.OK ? typed.toCharArray() : null;
    }
}
