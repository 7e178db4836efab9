package org.sitmap.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitmap.model.Actor;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;

/**
 * The stored form of an incident that every store writes the same way, so that a key and a content hash mean the
 * same thing in a GeoPackage and on a team server (a field store brought to the server skips what is already
 * there): the factions as a list, the actors as JSON with unknown faction codes under UNK, the content hash.
 *
 * <p>Not thread-safe (it holds a digest, the hash's input buffer and what it remembers from row to row: actors' parts,
 * date texts, coordinate texts, the last row's encoded texts): one per thread that makes rows' values.
 */
public final class IncidentValues {
    private final FactionCatalog catalog;
    private final MessageDigest sha;
    private final HashInput input = new HashInput(true);

    /** Values under {@code catalog}'s faction codes. */
    public IncidentValues(FactionCatalog catalog) {
        this.catalog = catalog;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code i} with actors of unknown faction codes kept under {@link Faction#UNKNOWN_CODE}. */
    public Incident normalised(Incident i) {
        List<Actor> actors = new ArrayList<>(i.actors().size());
        boolean changed = false;
        for (Actor a : i.actors()) {
            if (catalog.byCode(a.factionCode()).isEmpty()) {
                actors.add(new Actor(a.name(), Faction.UNKNOWN_CODE));
                changed = true;
            } else {
                actors.add(a);
            }
        }
        return changed ? i.toBuilder().actors(actors).build() : i;
    }

    /** The content hash of a normalised incident (hex SHA-256, as the GeoPackage store keeps it). */
    public String hash(Incident normalised) {
        return hash(sha, normalised, input);
    }

    /** The actors column (a JSON array of name and faction). */
    public static String actorsJson(Incident i) {
        return ActorsJson.write(i.actors());
    }

    /**
     * The {@code faction_codes} column: {@code String.join(",", i.factions())} (each actor's code once, in the order
     * first met; {@link Faction#UNKNOWN_CODE} when there is no actor), made without the set and list of
     * {@link Incident#factions} for the few actors an event has (an import calls it once or twice a row).
     */
    public static String factionCodes(Incident i) {
        List<Actor> actors = i.actors();
        int n = actors.size();
        if (n == 0 || n > 16) return String.join(",", i.factions());
        String first = actors.get(0).factionCode();
        if (n == 1) return first;
        StringBuilder sb = null;
        outer:
        for (int k = 1; k < n; k++) {
            String code = actors.get(k).factionCode();
            for (int j = 0; j < k; j++) if (actors.get(j).factionCode().equals(code)) continue outer;
            if (sb == null) sb = new StringBuilder(first.length() * n + n).append(first);
            sb.append(',').append(code);
        }
        return sb == null ? first : sb.toString();
    }

    /**
     * A hash of every stored field except the id, the batch and the origin: equal hashes mean an unchanged event
     * (a new revision of the source's record counts as a change).
     * The origin (file and line) is left out because the same event comes again in a newer export under another
     * file name and on another line; that alone is no newer version of the event.
     */
    public static String hash(MessageDigest sha, Incident i) {
        return hash(sha, i, new HashInput(false));
    }

    /**
     * The hash's input is the fields' text, each followed by U+001F (a null field as U+0000), then each actor as name,
     * U+001E, faction code, U+001F, then the revision when given, all in UTF-8. It is written straight into a byte
     * buffer that the instance keeps from row to row (no string is built, no buffer outgrown a row), with the bytes
     * {@code String.getBytes(UTF_8)} gives, so the hashes are those of every store made before.
     */
    private static String hash(MessageDigest sha, Incident i, HashInput in) {
        in.clear();
        in.text(i.sourceKey()).date(i.date()).integer(i.datePrecision().code()).date(i.endDate()).text(i.place())
                .text(i.admin1()).text(i.country()).coordinate(i.latitude()).coordinate(i.longitude())
                .integer(i.geoPrecision().code()).text(i.eventType().label())
                .text(i.subEventType() == null ? null : i.subEventType().label())
                .integer(i.fatalities()).text(i.summary()).text(i.source()).text(i.evidence());
        for (Actor a : i.actors()) in.actor(a);
        // only when given, so that the hashes of events without a revision stay those of stores made before it
        if (i.revised() != null) in.utf8("revised").put(0x1e).utf8(Long.toString(i.revised().getEpochSecond()));
        sha.update(in.bytes, 0, in.length);
        byte[] d = sha.digest();
        byte[] hex = new byte[32];
        for (int k = 0; k < 16; k++) {
            hex[2 * k] = HEX[(d[k] >> 4) & 15];
            hex[2 * k + 1] = HEX[d[k] & 15];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code s.getBytes(UTF_8)}: the bytes the last {@link #hash(Incident)} made when this very instance was one of
     * its texts (a writer then encodes each text once for the hash and the row), else made now. The array is shared:
     * it must not be changed.
     */
    public byte[] utf8(String s) {
        HashInput in = input;
        for (int k = 0; k < in.encoded; k++) if (in.encodedText[k] == s) return in.encodedBytes[k];
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The lower-case hex digits ({@code Character.forDigit(d, 16)} for d in 0..15). */
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * The {@code actors} column of a normalised incident: {@link #actorsJson}'s text, each actor's part made once
     * per distinct actor this instance met (an import's actors repeat on every row).
     */
    public String actors(Incident i) {
        List<Actor> list = i.actors();
        int n = list.size();
        if (n == 1) return "[" + input.cached(list.get(0)).json + "]";
        StringBuilder sb = new StringBuilder(2 + 64 * n).append('[');
        for (int k = 0; k < n; k++) {
            if (k > 0) sb.append(',');
            sb.append(input.cached(list.get(k)).json);
        }
        return sb.append(']').toString();
    }

    /** log2 of the date texts {@link #date} remembers (direct-mapped by the day). */
    private static final int DATE_BITS = 12;
    private final long[] dateDays = new long[1 << DATE_BITS];
    private final String[] dateTexts = new String[1 << DATE_BITS];

    /**
     * {@link #dateText}: the same text, one instance per day met again (a slot of a direct-mapped table holds the
     * last day that fell into it); an import's dates repeat on many rows.
     */
    public String date(LocalDate d) {
        // year, month and day packed (no epoch-day arithmetic): distinct for distinct dates, whatever the year
        long day = ((long) d.getYear() << 9) | (d.getMonthValue() << 5) | d.getDayOfMonth();
        int slot = (int) ((day * 0x9E3779B97F4A7C15L) >>> (64 - DATE_BITS));
        String t = dateTexts[slot];
        if (t == null || dateDays[slot] != day) {
            t = dateText(d);
            dateDays[slot] = day;
            dateTexts[slot] = t;
        }
        return t;
    }

    /**
     * {@code d.toString()} ({@code yyyy-MM-dd} for the years 1000-9999, made here without {@code LocalDate}'s
     * general formatting; any other year by {@code toString} itself).
     */
    public static String dateText(LocalDate d) {
        int y = d.getYear();
        if (y < 1_000 || y > 9_999) return d.toString();
        byte[] b = new byte[10];
        writeDate(b, 0, y, d.getMonthValue(), d.getDayOfMonth());
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code yyyy-MM-dd} (a four-digit year) at {@code at}. */
    private static void writeDate(byte[] b, int at, int y, int m, int day) {
        b[at] = (byte) ('0' + y / 1_000);
        b[at + 1] = (byte) ('0' + y / 100 % 10);
        b[at + 2] = (byte) ('0' + y / 10 % 10);
        b[at + 3] = (byte) ('0' + y % 10);
        b[at + 4] = '-';
        b[at + 5] = (byte) ('0' + m / 10);
        b[at + 6] = (byte) ('0' + m % 10);
        b[at + 7] = '-';
        b[at + 8] = (byte) ('0' + day / 10);
        b[at + 9] = (byte) ('0' + day % 10);
    }

    /** An actor's parts as this instance keeps them: its hash input bytes and its {@code actors} JSON object. */
    private record ActorParts(byte[] hashBytes, String json) { }

    /**
     * The hash's input as UTF-8 bytes, in a buffer kept from one row to the next, with what it remembers from row to
     * row: each coordinate's {@code Double.toString} text and each actor's parts. Not thread-safe.
     */
    private static final class HashInput {
        /** Distinct actors remembered at most; past that the memory starts again (a file of endless names). */
        private static final int MAX_ACTORS = 1 << 16;
        /** log2 of the coordinate texts remembered (direct-mapped by the value's bits). */
        private static final int COORD_BITS = 16;

        byte[] bytes = new byte[1024];
        int length;
        /** Whether to remember coordinates' texts and actors' parts (an instance used for many rows). */
        private final boolean remember;
        private final Map<Actor, ActorParts> actors = new HashMap<>();
        private long[] coordBits;
        private byte[][] coordTexts;
        /** The texts this row's input encoded ({@link #utf8(String)}), and their bytes. */
        final String[] encodedText = new String[24];
        final byte[][] encodedBytes = new byte[24][];
        int encoded;

        HashInput(boolean remember) {
            this.remember = remember;
        }

        void clear() {
            length = 0;
            encoded = 0;
        }

        private void room(int more) {
            if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }

        HashInput put(int b) {
            room(1);
            bytes[length++] = (byte) b;
            return this;
        }

        HashInput put(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
            return this;
        }

        /** A field: its text (U+0000 for null), then U+001F. */
        HashInput text(String s) {
            return (s == null ? put(0) : utf8(s)).put(0x1f);
        }

        /**
         * A coordinate field: {@code Double.toString(v)} (ASCII), or U+0000 for null. A value of at most four decimals
         * is written by {@link CoordinateText}; any other's text is that method's own, remembered by the value's bits in a direct-mapped table (an entry holds the last value of its slot),
         * so a value met again costs a lookup instead of a binary-to-decimal conversion.
         */
        HashInput coordinate(Double v) {
            // four decimals or fewer: written by CoordinateText (the JDK's text, shown for every such value)
            if (v == null) return text(null);
            room(13);
            int end = CoordinateText.write(v, bytes, length);
            if (end >= 0) {
                length = end;
                return put(0x1f);
            }
            if (!remember) return text(v.toString());
            if (coordBits == null) {
                coordBits = new long[1 << COORD_BITS];
                coordTexts = new byte[1 << COORD_BITS][];
            }
            long bits = Double.doubleToRawLongBits(v);
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - COORD_BITS));
            byte[] t = coordTexts[slot];
            if (t == null || coordBits[slot] != bits) {
                t = Double.toString(v).getBytes(StandardCharsets.UTF_8);
                coordBits[slot] = bits;
                coordTexts[slot] = t;
            }
            return put(t).put(0x1f);
        }

        /** An actor: name, U+001E, faction code, U+001F. */
        HashInput actor(Actor a) {
            if (!remember) return utf8(a.name()).put(0x1e).utf8(a.factionCode()).put(0x1f);
            return put(cached(a).hashBytes);
        }

        ActorParts cached(Actor a) {
            ActorParts p = actors.get(a);
            if (p == null) {
                if (actors.size() >= MAX_ACTORS) actors.clear();
                byte[] name = a.name().getBytes(StandardCharsets.UTF_8);
                byte[] code = a.factionCode().getBytes(StandardCharsets.UTF_8);
                byte[] h = new byte[name.length + code.length + 2];
                System.arraycopy(name, 0, h, 0, name.length);
                h[name.length] = 0x1e;
                System.arraycopy(code, 0, h, name.length + 1, code.length);
                h[h.length - 1] = 0x1f;
                p = new ActorParts(h, ActorsJson.object(a));
                actors.put(a, p);
            }
            return p;
        }

        /** A number field, or U+0000 for null. */
        HashInput integer(Integer v) {
            if (v == null) return text(null);
            int x = v;
            if (x < 0 || x > 9_999) return text(Integer.toString(x));
            if (x >= 1_000) put('0' + x / 1_000);
            if (x >= 100) put('0' + x / 100 % 10);
            if (x >= 10) put('0' + x / 10 % 10);
            return put('0' + x % 10).put(0x1f);
        }

        /** A date field as {@code LocalDate.toString()} writes it (yyyy-MM-dd for years 1000-9999), or U+0000. */
        HashInput date(LocalDate d) {
            if (d == null) return text(null);
            int y = d.getYear();
            if (y < 1_000 || y > 9_999) return text(d.toString());
            room(11);
            writeDate(bytes, length, y, d.getMonthValue(), d.getDayOfMonth());
            length += 10;
            bytes[length++] = 0x1f;
            return this;
        }

        /**
         * {@code s} in UTF-8 as {@code String.getBytes(UTF_8)} writes it (an unpaired surrogate becomes '?'): that
         * method itself, whose ASCII case is one vectorised check and copy, then one copy into the buffer.
         */
        HashInput utf8(String s) {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            if (remember && encoded < encodedText.length) {
                encodedText[encoded] = s;
                encodedBytes[encoded++] = u;
            }
            return put(u);
        }
    }

    /** ISO 3166-1 alpha-2 for the countries of the theatre, else null (a learned place's country code). */
    public static String countryCode(String country) {
        if (country == null) return null;
        return switch (country.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "syria", "syrian arab republic" -> "SY";
            case "turkey", "türkiye", "turkiye" -> "TR";
            case "iraq" -> "IQ";
            case "lebanon" -> "LB";
            case "jordan" -> "JO";
            case "israel" -> "IL";
            default -> null;
        };
    }
}
