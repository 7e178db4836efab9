package org.sitmap.store.gpkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.index.Selection;

/**
 * Which data set and reported source each incident of a store has, as a small code per incident id, so the
 * attribution of an export (the sources of the incidents it shows) is a count over the shown rows instead of an
 * aggregate over the store in SQL (8 s at ten million incidents). The pairs are those of the SQL answer:
 * {the source key's prefix before ':' in lower case, the reported source ("" when it has none)}.
 *
 * <p>Codes are indexed by {@code fid - minFid}; code 0 means "no incident with that id". They are one, two or four
 * bytes wide by the number of distinct pairs. Built while the index is read from the rows ({@link Builder}), or by
 * a scan of its own ({@link #scan}) when a store was opened from a column snapshot that has no sources file beside
 * it yet.
 *
 * <p>The file {@code STORE.sitmap-sources} sits where the store's column snapshot does, and is a cache like it:
 * magic {@code SITMAPSC}, version, the same key as the snapshot ({@link ColumnSnapshot.Key}: store number, change
 * counter, largest id, catalog), the id range, the width, the pairs (length + UTF-8), the codes, a CRC-32C of all
 * of it; it is used only when everything matches. It is read memory-mapped and kept mapped, so the codes of ten
 * million incidents (10-40 MB) take no Java heap.
 *
 * <p>Threading: immutable once made; any thread may count with it.
 */
final class SourceCodes {
    static final String SUFFIX = ".sitmap-sources";
    private static final long MAGIC = 0x4353_5041_4d54_4953L; // "SITMAPSC" little-endian
    private static final int VERSION = 1;
    private static final int HEADER = 72;
    /** The pair of an incident as one text: prefix, unit separator, source. */
    static final String PAIR_SQL = "lower(substr(source_key, 1, max(instr(source_key, ':') - 1, 0)))"
            + " || char(31) || coalesce(source, '')";
    private static final Logger LOG = Logger.getLogger(SourceCodes.class.getName());

    private final ColumnSnapshot.Key key;
    private final long minFid;
    private final int span;
    private final int width;
    private final String[][] pairs;
    private final ByteBuffer codes;

    private SourceCodes(ColumnSnapshot.Key key, long minFid, int span, int width, String[][] pairs, ByteBuffer codes) {
        this.key = key;
        this.minFid = minFid;
        this.span = span;
        this.width = width;
        this.pairs = pairs;
        this.codes = codes;
    }

    /** The store state these codes describe. */
    ColumnSnapshot.Key key() { return key; }

    /**
     * The pairs of the shown incidents, most incidents first (then by prefix and source, as the SQL answer), or
     * null when a shown incident has no code here (the selection is of another state of the store).
     */
    List<String[]> count(Selection shown) {
        long[] n = new long[pairs.length + 1];
        for (int k = 0; k < shown.count(); k++) {
            long off = shown.index().id(shown.row(k)) - minFid;
            if (off < 0 || off >= span) return null;
            int c = code((int) off);
            if (c == 0) return null;
            n[c]++;
        }
        List<Integer> used = new ArrayList<>();
        for (int c = 1; c < n.length; c++) if (n[c] > 0) used.add(c);
        used.sort((a, b) -> {
            int byCount = Long.compare(n[b], n[a]);
            if (byCount != 0) return byCount;
            int byPrefix = pairs[a - 1][0].compareTo(pairs[b - 1][0]);
            return byPrefix != 0 ? byPrefix : pairs[a - 1][1].compareTo(pairs[b - 1][1]);
        });
        List<String[]> out = new ArrayList<>(used.size());
        for (int c : used) out.add(pairs[c - 1].clone());
        return out;
    }

    private int code(int off) {
        return switch (width) {
            case 1 -> codes.get(off) & 0xff;
            case 2 -> codes.getShort(off * 2) & 0xffff;
            default -> codes.getInt(off * 4);
        };
    }

    /** Collects the pair of each incident as the rows are read; one builder per reading thread. */
    static final class Builder {
        private final Map<String, Integer> dict = new java.util.HashMap<>();
        private final List<String> names = new ArrayList<>();
        private int[] code = new int[1024];
        private int n;

        private byte[] last;
        private int lastCode;

        /**
         * Adds the next incident's pair as the UTF-8 of {@link #PAIR_SQL} (null: neither); its id is the next of the
         * ids given to build. A run of rows with the same pair (one file's rows, in id order) decodes it once.
         */
        void add(byte[] utf8) {
            if (n == code.length) code = Arrays.copyOf(code, n * 2);
            if (last != null && Arrays.equals(utf8, last)) {
                code[n++] = lastCode;
                return;
            }
            int c = add(utf8 == null ? "\u001f" : new String(utf8, StandardCharsets.UTF_8));
            last = utf8;
            lastCode = c;
        }

        /** Adds the next incident's pair text ({@link #PAIR_SQL}); returns its code in this builder. */
        int add(String pair) {
            if (n == code.length) code = Arrays.copyOf(code, n * 2);
            Integer c = dict.get(pair);
            if (c == null) {
                c = names.size();
                dict.put(pair, c);
                names.add(pair);
            }
            code[n++] = c;
            return c;
        }

        /**
         * The codes of all the builders' incidents, for {@code key}; {@code ids.get(k)} holds the ids of the
         * incidents added to {@code parts.get(k)}, in the order added (it may be longer). Null when the ids span
         * too wide a range for one array.
         */
        static SourceCodes build(ColumnSnapshot.Key key, List<Builder> parts, List<long[]> ids) {
            Map<String, Integer> all = new java.util.LinkedHashMap<>();
            long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
            for (int p = 0; p < parts.size(); p++) {
                Builder b = parts.get(p);
                long[] fid = ids.get(p);
                for (String s : b.names) all.putIfAbsent(s, all.size() + 1);
                for (int k = 0; k < b.n; k++) {
                    min = Math.min(min, fid[k]);
                    max = Math.max(max, fid[k]);
                }
            }
            if (min > max) min = max = 0;
            if (max - min + 1 > Integer.MAX_VALUE / 4) return null;
            int span = (int) (max - min + 1);
            int width = all.size() < 0xff ? 1 : all.size() < 0xffff ? 2 : 4;
            ByteBuffer codes = ByteBuffer.allocate(span * width).order(ByteOrder.LITTLE_ENDIAN);
            for (int p = 0; p < parts.size(); p++) {
                Builder b = parts.get(p);
                long[] fid = ids.get(p);
                int[] global = new int[b.names.size()];
                for (int k = 0; k < global.length; k++) global[k] = all.get(b.names.get(k));
                for (int k = 0; k < b.n; k++) {
                    int off = (int) (fid[k] - min);
                    int c = global[b.code[k]];
                    switch (width) {
                        case 1 -> codes.put(off, (byte) c);
                        case 2 -> codes.putShort(off * 2, (short) c);
                        default -> codes.putInt(off * 4, c);
                    }
                }
            }
            String[][] pairs = new String[all.size()][];
            int k = 0;
            for (String s : all.keySet()) {
                int cut = s.indexOf('\u001f');
                pairs[k++] = new String[] {s.substring(0, cut), s.substring(cut + 1)};
            }
            return new SourceCodes(key, min, span, width, pairs, codes);
        }
    }

    /** The codes of every incident read by a scan of their own (a store opened from a snapshot without them). */
    static SourceCodes scan(java.sql.Connection c, ColumnSnapshot.Key key) throws java.sql.SQLException {
        Builder b = new Builder();
        long[] ids = new long[1024];
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT fid, " + PAIR_SQL + " FROM incident")) {
            ps.setFetchSize(10_000);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (b.n == ids.length) ids = Arrays.copyOf(ids, ids.length * 2);
                    ids[b.n] = rs.getLong(1);
                    b.add(rs.getBytes(2));
                }
            }
        }
        return Builder.build(key, List.of(b), List.of(ids));
    }

    /** The sources file that goes with a column snapshot file. */
    static Path besideSnapshot(Path snapshot) {
        String name = snapshot.getFileName().toString();
        if (name.endsWith(ColumnSnapshot.SUFFIX)) name = name.substring(0, name.length() - ColumnSnapshot.SUFFIX.length());
        return snapshot.resolveSibling(name + SUFFIX);
    }

    /** The codes of {@code store} valid for {@code key}, from either place a snapshot may be, or null. */
    static SourceCodes read(Path store, ColumnSnapshot.Key key) {
        for (Path snap : ColumnSnapshot.places(store)) {
            Path file = besideSnapshot(snap);
            if (!Files.isRegularFile(file)) continue;
            try {
                SourceCodes found = readFile(file, key);
                if (found != null) return found;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "sources file " + file + " not used", e);
            }
        }
        return null;
    }

    /** The codes in {@code file} when it is complete and made for {@code key}, else null. */
    static SourceCodes readFile(Path file, ColumnSnapshot.Key key) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer m = ChecksumWriter.map(ch, HEADER, MAGIC, VERSION);
            if (m == null) return null;
            long size = m.capacity();
            ColumnSnapshot.Key found = new ColumnSnapshot.Key(m.getLong(16), m.getLong(24), m.getLong(32), m.getLong(40));
            if (!found.equals(key)) return null;
            long minFid = m.getLong(48);
            int span = m.getInt(56);
            int width = m.getInt(60);
            int pairCount = m.getInt(64);
            int pairBytes = m.getInt(68);
            if (span < 0 || pairCount < 0 || pairBytes < 0 || (width != 1 && width != 2 && width != 4)
                    || size != HEADER + (long) pairBytes + (long) span * width + 8) return null;
            if (!ChecksumWriter.intact(m)) {
                LOG.fine(() -> "sources file " + file + " is damaged (checksum)");
                return null;
            }
            String[][] pairs = new String[pairCount][];
            int pos = HEADER;
            for (int k = 0; k < pairCount; k++) {
                String[] p = new String[2];
                for (int j = 0; j < 2; j++) {
                    int len = m.getInt(pos);
                    if (len < 0 || pos + 4L + len > HEADER + pairBytes) return null;
                    byte[] b = new byte[len];
                    m.get(pos + 4, b);
                    p[j] = new String(b, StandardCharsets.UTF_8);
                    pos += 4 + len;
                }
                pairs[k] = p;
            }
            if (pos != HEADER + pairBytes) return null;
            ByteBuffer codes = m.slice(pos, span * width).order(ByteOrder.LITTLE_ENDIAN);
            SourceCodes sc = new SourceCodes(key, minFid, span, width, pairs, codes);
            for (int off = 0; off < span; off++) if (sc.code(off) > pairCount) return null;
            return sc;
        }
    }

    /** Writes these codes beside the store's column snapshot (a temporary file moved into place); failures are logged. */
    void writeFor(Path store) {
        Path file = besideSnapshot(ColumnSnapshot.target(store));
        try {
            write(file);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "sources file " + file + " not written", e);
        }
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<byte[]> names = new ArrayList<>(pairs.length * 2);
        int nameBytes = 0;
        for (String[] p : pairs) {
            for (String s : p) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                names.add(b);
                nameBytes += 4 + b.length;
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ChecksumWriter w = new ChecksumWriter(ch);
            w.room(HEADER).putLong(MAGIC).putInt(VERSION).putInt(0).putLong(key.storeNumber()).putLong(key.counter())
                    .putLong(key.maxFid()).putLong(key.catalog()).putLong(minFid).putInt(span).putInt(width)
                    .putInt(pairs.length).putInt(nameBytes);
            for (byte[] b : names) {
                w.room(4).putInt(b.length);
                w.bytes(b);
            }
            byte[] chunk = new byte[1 << 20];
            ByteBuffer body = codes.duplicate().position(0).limit(span * width);
            while (body.hasRemaining()) {
                int len = Math.min(chunk.length, body.remaining());
                body.get(chunk, 0, len);
                w.bytes(chunk, 0, len);
            }
            w.finish();
            ch.force(false);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
