package org.sitmap.store.gpkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A SQLite database file holding the table {@code incident}, written by Java front to back in SQLite's file format
 * (https://www.sqlite.org/fileformat2.html), for {@link StageRows}: each row a record (a header of serial types, then
 * the values, with the serial types SQLite itself chooses) in table b-tree leaf pages filled in rowid order;
 * interior pages built over the leaves at the end; page 1 (the 100-byte header and {@code sqlite_schema}: the
 * table's SQL, the same text as the store's, and its UNIQUE constraint's index {@code sqlite_autoindex_incident_1})
 * written last. The index's root (page 2) is left empty: SQLite fills it ({@code REINDEX}). Rows must come in
 * increasing rowid order; a row whose record does not fit in a leaf ({@link #fits}) is not written here.
 *
 * <p>Threading: one thread at a time (the importing thread).
 */
final class StagePages implements AutoCloseable {
    static final int PAGE = 16384;
    /**
     * The page holding the file's byte 2^30, which SQLite keeps for its locks and never uses for data: a file
     * larger than 1 GiB skips it (left zero).
     */
    static final int LOCK_PAGE = (1 << 30) / PAGE + 1;
    /** Largest payload kept in a table leaf without overflow (U - 35). */
    private static final int MAX_LOCAL = PAGE - 35;

    private final FileChannel out;
    private final String tableSql;
    private final ByteBuffer page = ByteBuffer.allocate(PAGE);
    /** Cell bytes of the page being filled, from its end down. */
    private int contentStart = PAGE;
    private int cells;
    private final int[] cellOffsets = new int[PAGE / 4];
    private long lastRowid;
    private long rows;
    /** Page 2 is the root of the table's UNIQUE index, left empty here (SQLite fills it with REINDEX). */
    private int nextPage = 3;
    /** Leaf (later: child) page numbers and the largest rowid under each. */
    private int[] childPages = new int[1024];
    private long[] childKeys = new long[1024];
    private int children;
    /** The record being built: header (serial types) and body. */
    private byte[] hdr = new byte[256];
    private int hdrLen;
    private byte[] body = new byte[4096];
    private int bodyLen;

    StagePages(Path file, String tableSql) throws IOException {
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.tableSql = tableSql;
        ByteBuffer empty = ByteBuffer.allocate(PAGE);
        empty.put(0, (byte) 0x0A);
        empty.putShort(5, (short) PAGE);
        out.write(empty, PAGE);
        out.position(2L * PAGE);
    }

    /** Starts a record. */
    void begin() {
        hdrLen = 0;
        bodyLen = 0;
    }

    void putNull() {
        hdr(0);
    }

    /** An integer with the smallest serial type, as SQLite chooses it (schema format 4: 0 and 1 take no body). */
    void putLong(long i) {
        long u = i < 0 ? ~i : i;
        int type, len;
        if (u <= 127) {
            if ((i & 1) == i) {
                hdr(8 + (int) i);
                return;
            }
            type = 1; len = 1;
        } else if (u <= 32767) { type = 2; len = 2;
        } else if (u <= 8388607) { type = 3; len = 3;
        } else if (u <= 2147483647L) { type = 4; len = 4;
        } else if (u <= 0x00007fffffffffffL) { type = 5; len = 6;
        } else { type = 6; len = 8; }
        hdr(type);
        ensureBody(len);
        for (int k = len - 1; k >= 0; k--) body[bodyLen++] = (byte) (i >>> (8 * k));
    }

    /** A text as the UTF-8 bytes {@code String.getBytes} gives (what the driver binds), or NULL. */
    void putText(String s) {
        if (s == null) { putNull(); return; }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        hdr(2L * b.length + 13);
        ensureBody(b.length);
        System.arraycopy(b, 0, body, bodyLen, b.length);
        bodyLen += b.length;
    }

    /** A text given as its UTF-8 bytes (the same record as {@link #putText(String)} of their text). */
    void putText(byte[] utf8) {
        hdr(2L * utf8.length + 13);
        ensureBody(utf8.length);
        System.arraycopy(utf8, 0, body, bodyLen, utf8.length);
        bodyLen += utf8.length;
    }

    void putBlob(byte[] b) {
        if (b == null) { putNull(); return; }
        hdr(2L * b.length + 12);
        ensureBody(b.length);
        System.arraycopy(b, 0, body, bodyLen, b.length);
        bodyLen += b.length;
    }

    /** The record's header size, as SQLite computes it (the size's own varint included). */
    private int hdrSize() {
        int n = hdrLen;
        return n <= 126 ? n + 1 : n + varintLen(n) + (varintLen(n) < varintLen(n + varintLen(n)) ? 1 : 0);
    }

    /** Whether the record begun fits in a leaf without overflow pages (else it must not be {@link #end}ed). */
    boolean fits() {
        return hdrSize() + bodyLen <= MAX_LOCAL;
    }

    /** Ends the record and adds it as the row {@code rowid} (larger than every rowid before). */
    void end(long rowid) throws IOException {
        if (rowid <= lastRowid && (cells > 0 || children > 0)) throw new IllegalArgumentException("rowid order");
        int hdrSize = hdrSize();
        int payload = hdrSize + bodyLen;
        if (payload > MAX_LOCAL) throw new IllegalArgumentException("row " + rowid + " needs overflow pages");
        int cellSize = varintLen(payload) + varintLen(rowid) + payload;
        if (cells > 0 && 8 + 2 * (cells + 1) > contentStart - cellSize) flushLeaf();
        int at = contentStart - cellSize;
        int p = at;
        p = putVarint(page, p, payload);
        p = putVarint(page, p, rowid);
        p = putVarint(page, p, hdrSize);
        rows++;
        page.put(p, hdr, 0, hdrLen);
        p += hdrLen;
        page.put(p, body, 0, bodyLen);
        contentStart = at;
        cellOffsets[cells++] = at;
        lastRowid = rowid;
    }

    private void flushLeaf() throws IOException {
        writeBtreePage(0x0D, 0, 0);
        addChild(nextPage++, lastRowid);
    }

    private void addChild(int pageNo, long key) {
        if (children == childPages.length) {
            childPages = Arrays.copyOf(childPages, children * 2);
            childKeys = Arrays.copyOf(childKeys, children * 2);
        }
        childPages[children] = pageNo;
        childKeys[children++] = key;
    }

    /** Writes the page in {@code page} (cells at cellOffsets) with a header at {@code base}. */
    private void writeBtreePage(int type, int base, int rightChild) throws IOException {
        int h = base;
        page.put(h, (byte) type);
        page.putShort(h + 1, (short) 0);
        page.putShort(h + 3, (short) cells);
        page.putShort(h + 5, (short) (contentStart == 65536 ? 0 : contentStart));
        page.put(h + 7, (byte) 0);
        int ptr = h + 8;
        if (type == 0x05) {
            page.putInt(h + 8, rightChild);
            ptr = h + 12;
        }
        for (int k = 0; k < cells; k++) page.putShort(ptr + 2 * k, (short) cellOffsets[k]);
        // the gap between the pointers and the cells is zero, as SQLite leaves unused space
        Arrays.fill(page.array(), ptr + 2 * cells, contentStart, (byte) 0);
        if (base == 0) {
            if (nextPage == LOCK_PAGE) {
                out.write(ByteBuffer.allocate(PAGE));
                nextPage++;
            }
            page.clear();
            out.write(page);
        }
        page.clear();
        Arrays.fill(page.array(), 0, base, (byte) 0);
        cells = 0;
        contentStart = PAGE;
    }

    /** How many rows were written. */
    long rows() {
        return rows;
    }

    /** Writes the interior levels and page 1 and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            if (cells > 0 || children == 0) flushLeaf();
            while (children > 1) {
                int[] pages = Arrays.copyOf(childPages, children);
                long[] keys = Arrays.copyOf(childKeys, children);
                int n = children;
                children = 0;
                int k = 0;
                while (k < n) {
                    // as many children as fit: cell = 4-byte page + varint key, 2-byte pointer
                    int first = k;
                    int used = 12;
                    while (k < n - 1 && used + 6 + varintLen(keys[k]) <= PAGE) {
                        used += 6 + varintLen(keys[k]);
                        k++;
                    }
                    // no interior page without cells: the last one gets at least one cell and its right child
                    if (k < n - 1 && n - (k + 1) == 1 && k > first + 1) k--;
                    // children first..k-1 as cells, k as the right child
                    for (int c = first; c < k; c++) {
                        int size = 4 + varintLen(keys[c]);
                        int at = contentStart - size;
                        page.putInt(at, pages[c]);
                        putVarint(page, at + 4, keys[c]);
                        contentStart = at;
                        cellOffsets[cells++] = at;
                    }
                    writeBtreePage(0x05, 0, pages[k]);
                    addChild(nextPage++, keys[k]);
                    k++;
                }
            }
            int root = childPages[0];
            writePageOne(root);
        } finally {
            out.close();
        }
    }

    private void writePageOne(int root) throws IOException {
        ByteBuffer p1 = ByteBuffer.allocate(PAGE);
        p1.put("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
        p1.putShort(16, (short) PAGE);
        p1.put(18, (byte) 1).put(19, (byte) 1).put(20, (byte) 0);
        p1.put(21, (byte) 64).put(22, (byte) 32).put(23, (byte) 32);
        p1.putInt(24, 1); // change counter
        p1.putInt(28, nextPage - 1); // pages in the file
        p1.putInt(40, 1); // schema cookie
        p1.putInt(44, 4); // schema format
        p1.putInt(56, 1); // UTF-8
        p1.putInt(92, 1);
        p1.putInt(96, 3050003);
        // sqlite_schema: the table and its UNIQUE constraint's index
        int at = PAGE;
        for (int row = 1; row <= 2; row++) {
            begin();
            putText(row == 1 ? "table" : "index");
            putText(row == 1 ? "incident" : "sqlite_autoindex_incident_1");
            putText("incident");
            putLong(row == 1 ? root : 2);
            putText(row == 1 ? tableSql : null);
            int hdrSize = hdrLen + 1;
            int payload = hdrSize + bodyLen;
            int cellSize = varintLen(payload) + 1 + payload;
            at -= cellSize;
            int q = putVarint(p1, at, payload);
            q = putVarint(p1, q, row);
            q = putVarint(p1, q, hdrSize);
            p1.put(q, hdr, 0, hdrLen);
            p1.put(q + hdrLen, body, 0, bodyLen);
            p1.putShort(108 + 2 * (row - 1), (short) at);
        }
        p1.put(100, (byte) 0x0D);
        p1.putShort(103, (short) 2);
        p1.putShort(105, (short) at);
        p1.clear();
        out.write(p1, 0);
    }

    private void hdr(long type) {
        if (hdrLen + 9 > hdr.length) hdr = Arrays.copyOf(hdr, hdr.length * 2);
        hdrLen = putVarint(hdr, hdrLen, type);
    }

    private void ensureBody(int n) {
        if (bodyLen + n > body.length) body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLen + n));
    }

    static int varintLen(long v) {
        if (v < 0) return 9;
        int n = 1;
        while ((v >>>= 7) != 0 && n < 9) n++;
        return n;
    }

    private static int putVarint(byte[] b, int at, long v) {
        if (v >= 0 && v < 128) {
            b[at] = (byte) v;
            return at + 1;
        }
        return putVarint(ByteBuffer.wrap(b), at, v);
    }

    /** SQLite's varint: big-endian groups of 7 bits, high bit set on all but the last; a ninth byte holds 8. */
    private static int putVarint(ByteBuffer b, int at, long v) {
        if ((v & 0xff00000000000000L) != 0) {
            b.put(at + 8, (byte) v);
            v >>>= 8;
            for (int k = 7; k >= 0; k--) {
                b.put(at + k, (byte) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            return at + 9;
        }
        int n = varintLen(v);
        for (int k = n - 1; k >= 0; k--) {
            b.put(at + k, (byte) ((v & 0x7f) | (k == n - 1 ? 0 : 0x80)));
            v >>>= 7;
        }
        return at + n;
    }
}
