package org.sitmap.tiles;

import java.io.IOException;

/**
 * Whether the application may open network connections. {@code --offline} makes a policy that is forced offline:
 * nothing can switch it online. Otherwise the window's remembered online/offline toggle sets it. Every network
 * access in the application calls {@link #checkAllowed(String)} immediately before connecting.
 *
 * <p>Thread-safe (a volatile flag): the window flips it on the FX thread, tile threads read it.
 */
public final class NetworkPolicy {
    private final boolean forcedOffline;
    private volatile boolean online;

    private NetworkPolicy(boolean forcedOffline, boolean online) {
        this.forcedOffline = forcedOffline;
        this.online = online && !forcedOffline;
    }

    /** A policy that never allows a connection (for {@code --offline}). */
    public static NetworkPolicy forcedOffline() {
        return new NetworkPolicy(true, false);
    }

    /** A policy the user may switch; starts online or offline. */
    public static NetworkPolicy switchable(boolean online) {
        return new NetworkPolicy(false, online);
    }

    /** True when {@code --offline} was given: {@link #setOnline(boolean)} then has no effect. */
    public boolean isForcedOffline() { return forcedOffline; }

    /** Switches online mode; ignored when forced offline. */
    public void setOnline(boolean on) {
        this.online = on && !forcedOffline;
    }

    /** Whether connections are allowed right now. */
    public boolean allowsNetwork() { return online && !forcedOffline; }

    /** Throws when connections are not allowed; call right before opening one. */
    public void checkAllowed(String what) throws IOException {
        if (!allowsNetwork()) throw new OfflineException("offline mode: not connecting to " + what);
    }

    /** The failure of a connection the policy refused. */
    public static final class OfflineException extends IOException {
        public OfflineException(String message) {
            super(message);
        }
    }
}
