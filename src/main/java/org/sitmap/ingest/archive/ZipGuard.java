package org.sitmap.ingest.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sitmap.model.InputException;

/**
 * Checks a zip archive before anything reads it: at most {@link #MAX_ENTRIES} entries, entry names that stay
 * inside the archive (no absolute path, no {@code ..}, no drive letter: path traversal), and every entry actually
 * decompressed through a {@link CappedStream} (size and ratio caps, whatever the zip directory claims), so a zip
 * bomb is refused before a library (the Excel reader) gets to expand it.
 */
public final class ZipGuard {
    /** The most entries an archive may have. */
    public static final int MAX_ENTRIES = 10_000;

    private ZipGuard() { }

    /** True when the bytes start with a zip signature. */
    public static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /**
     * Checks the archive and returns its file entries' names, in the archive's order.
     *
     * @param name the file's name for messages
     * @throws InputException when the archive is damaged, too large, a zip bomb or has an unsafe name
     */
    public static List<String> check(Path zip, String name) throws IOException {
        List<String> names = new ArrayList<>();
        long size = Files.size(zip);
        long total = 0;
        try (ZipFile z = openZip(zip, name)) {
            Enumeration<? extends ZipEntry> en = entries(z, name);
            byte[] buf = new byte[1 << 16];
            while (hasMore(en, name)) {
                ZipEntry e = en.nextElement();
                if (names.size() >= MAX_ENTRIES) {
                    throw new InputException(name, 0, "the zip archive has more than " + MAX_ENTRIES + " entries");
                }
                String n = e.getName();
                if (!safe(n)) throw new InputException(name, 0, "the zip archive has an unsafe entry name '"
                        + cut(n) + "' (a path outside the archive): refused");
                if (e.isDirectory()) continue;
                names.add(n);
                long compressed = Math.min(Math.max(e.getCompressedSize(), 1), size);
                try (CappedStream in = new CappedStream(stream(z, e, name), name + "!/" + n,
                        CappedStream.MAX_BYTES - total, compressed)) {
                    while (in.read(buf) >= 0) { /* counting */ }
                    total += in.count();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(name, 0, "a damaged zip archive: an entry name is not readable text");
        }
        return names;
    }

    /** Opens the archive; a damaged one is an {@link InputException}. */
    public static ZipFile openZip(Path zip, String name) {
        try {
            return new ZipFile(zip.toFile());
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, 0, "not a readable zip archive: " + e.getMessage());
        }
    }

    /** The entry's bytes; a damaged entry is an {@link InputException}. */
    public static InputStream stream(ZipFile z, ZipEntry e, String name) {
        try {
            return z.getInputStream(e);
        } catch (IOException | RuntimeException ex) {
            throw new InputException(name, 0, "a damaged zip archive: " + ex.getMessage());
        }
    }

    /** The entries; names that are not readable text make a damaged archive. */
    public static Enumeration<? extends ZipEntry> entries(ZipFile z, String name) {
        try {
            return z.entries();
        } catch (RuntimeException e) {
            throw new InputException(name, 0, "a damaged zip archive: " + e.getMessage());
        }
    }

    /** {@code en.hasMoreElements()}, an unreadable entry name being a damaged archive (found by fuzzing KMZ). */
    public static boolean hasMore(Enumeration<? extends ZipEntry> en, String name) {
        try {
            return en.hasMoreElements();
        } catch (RuntimeException e) {
            throw new InputException(name, 0, "a damaged zip archive: an entry name is not readable text");
        }
    }

    /** True for a relative name without {@code ..} segments, drive letters or NUL. */
    public static boolean safe(String n) {
        if (n.isEmpty() || n.startsWith("/") || n.startsWith("\\") || n.indexOf('\0') >= 0) return false;
        if (n.length() >= 2 && n.charAt(1) == ':') return false;
        for (String part : n.split("[/\\\\]")) if (part.equals("..")) return false;
        return true;
    }

    static String cut(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
