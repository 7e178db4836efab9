package org.sitmap.ingest.kml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sitmap.model.InputException;

/**
 * Opens the KML document inside a KMZ (a zip archive): {@code doc.kml} at the root, else the first {@code .kml}
 * entry. Defends against zip bombs: at most {@link #MAX_ENTRIES} entries are looked at, and the document is read
 * through a counter that stops at {@code maxBytes} uncompressed bytes whatever the archive's directory claims.
 */
final class KmzArchive {
    /** The most entries an archive may have. */
    static final int MAX_ENTRIES = 10_000;
    /** The default cap on the uncompressed KML document (256 MiB). */
    static final long MAX_BYTES = 256L << 20;

    private KmzArchive() { }

    /** True when the file starts with a zip signature. */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The KML document's bytes, limited to {@code maxBytes}; closing the stream closes the archive. */
    static InputStream open(Path kmz, long maxBytes) throws IOException {
        String name = kmz.toString();
        ZipFile zip;
        try {
            zip = new ZipFile(kmz.toFile());
        } catch (IOException e) {
            // ZipException, or EOFException for a cut archive (found by fuzzing)
            throw new InputException(name, 0, "not a readable KMZ (zip) archive: " + e.getMessage());
        }
        try {
            ZipEntry chosen = null;
            int count = 0;
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new InputException(name, 0, "the KMZ archive has more than " + MAX_ENTRIES + " entries");
                }
                String n = e.getName().toLowerCase(Locale.ROOT);
                if (e.isDirectory() || !n.endsWith(".kml")) continue;
                if (n.equals("doc.kml")) chosen = e;
                else if (chosen == null) chosen = e;
            }
            if (chosen == null) throw new InputException(name, 0, "the KMZ archive holds no .kml document");
            if (chosen.getSize() > maxBytes) throw bomb(name, maxBytes);
            ZipFile owner = zip;
            return new Limited(zip.getInputStream(chosen), maxBytes, name) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        owner.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            if (e instanceof IOException) throw new InputException(name, 0, "a damaged KMZ archive: " + e.getMessage());
            // an entry name that is not UTF-8 makes the zip directory throw this (found by fuzzing)
            if (e instanceof IllegalArgumentException) {
                throw new InputException(name, 0, "a damaged KMZ archive: an entry name is not readable text");
            }
            throw e;
        }
    }

    static InputException bomb(String name, long maxBytes) {
        return new InputException(name, 0, "the KML inside the KMZ is larger than " + (maxBytes >> 20)
                + " MiB uncompressed (a zip bomb?): refused");
    }

    /** A stream that refuses to deliver more than a given number of bytes. */
    static class Limited extends FilterInputStream {
        private final long max;
        private final String name;
        private long count;

        Limited(InputStream in, long max, String name) {
            super(in);
            this.max = max;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw new InputException(name, 0, "a damaged KMZ archive: " + e.getMessage());
            }
            if (b >= 0) add(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw new InputException(name, 0, "a damaged KMZ archive: " + e.getMessage());
            }
            if (n > 0) add(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            add(s);
            return s;
        }

        private void add(long n) {
            count += n;
            if (count > max) throw bomb(name, max);
        }
    }
}
