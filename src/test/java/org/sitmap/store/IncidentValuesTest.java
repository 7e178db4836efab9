package org.sitmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

/** The content hash keeps the value stores made before it was written into a reused byte buffer hold. */
class IncidentValuesTest {
    /** The hash as it was first written: the fields' text joined in a string, then its UTF-8 bytes. */
    private static String reference(Incident i) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        StringBuilder sb = new StringBuilder();
        Object[] parts = {i.sourceKey(), i.date(), i.datePrecision().code(), i.endDate(), i.place(), i.admin1(),
                i.country(), i.latitude(), i.longitude(), i.geoPrecision().code(), i.eventType().label(),
                i.subEventType() == null ? null : i.subEventType().label(), i.fatalities(), i.summary(), i.source(),
                i.evidence()};
        for (Object p : parts) sb.append(p == null ? "\u0000" : p.toString()).append('\u001f');
        for (Actor a : i.actors()) sb.append(a.name()).append('\u001e').append(a.factionCode()).append('\u001f');
        if (i.revised() != null) sb.append("revised\u001e").append(i.revised().getEpochSecond());
        byte[] d = sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (int k = 0; k < 16; k++) hex.append(Character.forDigit((d[k] >> 4) & 15, 16)).append(Character.forDigit(d[k] & 15, 16));
        return hex.toString();
    }

    @Test
    void hashesEqualTheStringForm() throws Exception {
        IncidentValues values = new IncidentValues(FactionCatalog.shipped());
        String longText = "قصف على حلب ".repeat(400) + "\uD83D\uDCA5 end";
        List<Incident> cases = List.of(
                Incident.builder().sourceKey("k1").date(LocalDate.of(2024, 3, 1)).eventType(EventType.BATTLES).build(),
                Incident.builder().sourceKey("acled:SYR123").date(LocalDate.of(2019, 12, 31))
                        .datePrecision(DatePrecision.WEEK).endDate(LocalDate.of(2020, 1, 6)).place("حلب")
                        .admin1("Aleppo").country("Syria").position(36.2021, 37.1343).geoPrecision(GeoPrecision.EXACT)
                        .eventType(EventType.BATTLES).subEventType(SubEventType.ARMED_CLASH).fatalities(3).summary(longText).source("SOHR")
                        .evidence("lone \uD800 high, lone \uDC00 low, NUL \u0000 inside, é, €")
                        .actor("Military Forces of Syria", "SAA").actor("غير معروف", "NOPE")
                        .revised(Instant.ofEpochSecond(1_700_000_000L)).build(),
                Incident.builder().sourceKey("x").date(LocalDate.of(2001, 1, 1)).eventType(EventType.PROTESTS)
                        .position(-0.0, 1e-7).fatalities(0).summary("").build(),
                Incident.builder().sourceKey("y").date(LocalDate.of(999, 1, 9)).endDate(LocalDate.of(12_000, 10, 31))
                        .eventType(EventType.PROTESTS).fatalities(10_000).build(),
                Incident.builder().sourceKey("z").date(LocalDate.of(-4, 12, 1)).eventType(EventType.PROTESTS)
                        .fatalities(123_456).build(),
                Incident.builder().sourceKey("w").date(LocalDate.of(1000, 10, 10)).endDate(LocalDate.of(9999, 12, 31))
                        .eventType(EventType.PROTESTS).fatalities(9_999).build());
        for (int f : new int[] {1, 9, 10, 99, 100, 999, 1000, 4321}) {
            Incident n = values.normalised(Incident.builder().sourceKey("f" + f).date(LocalDate.of(2020, 2, 29))
                    .eventType(EventType.BATTLES).fatalities(f).build());
            assertEquals(reference(n), values.hash(n), n.sourceKey());
        }
        for (Incident i : cases) {
            Incident n = values.normalised(i);
            assertEquals(reference(n), values.hash(n), n.sourceKey());
            assertEquals(reference(n), values.hash(n), "the buffer reused: " + n.sourceKey());
            assertEquals(reference(n), IncidentValues.hash(MessageDigest.getInstance("SHA-256"), n));
        }
    }

    @Test
    void sameHashAsTheJoinedStringForAnyText() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String[] texts = {null, "", "Aleppo", "Ma‘arratmişrīn", "حلب", "emoji \uD83D\uDE00 pair", "lone high \uD800 x",
                "lone low \uDC00", "ends high \uD83D", "\u0000nul\u001f", "ß€\u07ff\u0800\uffff", "x".repeat(700)};
        Random r = new Random(7);
        for (int n = 0; n < 2000; n++) {
            Incident.Builder b = Incident.builder().sourceKey("acled:" + pick(r, texts, "K"))
                    .date(LocalDate.of(2011 + r.nextInt(14), 1 + r.nextInt(12), 1 + r.nextInt(28)))
                    .datePrecision(DatePrecision.values()[r.nextInt(DatePrecision.values().length)])
                    .place(pick(r, texts, null)).admin1(pick(r, texts, null)).country(pick(r, texts, null))
                    .geoPrecision(GeoPrecision.values()[r.nextInt(GeoPrecision.values().length)])
                    .summary(pick(r, texts, null)).source(pick(r, texts, null)).evidence(pick(r, texts, null));
            if (r.nextBoolean()) b.endDate(LocalDate.of(2025, 2, 3));
            if (r.nextBoolean()) b.position(r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180);
            if (r.nextBoolean()) b.subEventType(SubEventType.values()[r.nextInt(SubEventType.values().length)]);
            else b.eventType(EventType.values()[r.nextInt(EventType.values().length)]);
            if (r.nextBoolean()) b.fatalities(r.nextInt(300));
            if (r.nextBoolean()) b.revised(Instant.ofEpochSecond(r.nextInt()));
            for (int a = r.nextInt(4); a > 0; a--) b.actor(pick(r, texts, "x"), pick(r, texts, "UNK"));
            Incident i = b.build();
            assertEquals(reference(i), IncidentValues.hash(sha, i), "incident " + n);
        }
    }

    @Test
    void factionCodesAreTheJoinedFactionList() {
        String[] codes = {"SAA", "SDF", "UNK", "HTS", "TR", "RU", "SNA", "IS", "SAA2"};
        Random r = new Random(11);
        for (int n = 0; n < 5000; n++) {
            Incident.Builder b = Incident.builder().sourceKey("k" + n).date(LocalDate.of(2020, 1, 1))
                    .eventType(EventType.BATTLES);
            // up to 20 actors: past 16 the set form is used again; codes repeat, in any order
            for (int a = r.nextInt(n % 50 == 0 ? 21 : 6); a > 0; a--) b.actor("a" + a, codes[r.nextInt(codes.length)]);
            Incident i = b.build();
            assertEquals(String.join(",", i.factions()), IncidentValues.factionCodes(i), "incident " + n);
        }
    }

    /**
     * An instance remembers coordinates' texts (a direct-mapped table of 2^16 slots, here overrun by 150,000 values
     * met again and again) and actors' parts: its hashes and actors columns stay those made afresh, row after row.
     */
    @Test
    void rememberedTextsGiveTheFormerHashesAndActors() throws Exception {
        IncidentValues values = new IncidentValues(FactionCatalog.shipped());
        Random r = new Random(20261208);
        double[] coords = new double[150_000];
        for (int k = 0; k < coords.length; k++) {
            // four decimals as ACLED gives them, some other shapes (exponents, -0.0, long fractions)
            coords[k] = switch (k % 5) {
                case 0 -> (r.nextInt(1_800_000) - 900_000) / 10_000.0;
                case 1 -> r.nextDouble() * 180 - 90;
                case 2 -> k % 2 == 0 ? -0.0 : 1e-7 * k % 90;
                default -> (r.nextInt(90_000) - 45_000) / 1_000.0;
            };
        }
        String[] names = {"Military Forces of Syria (2000-)", "the \"Hamza\" division \\ SNA\ttab\u0001", "هيئة تحرير الشام",
                "Ma‘arratmişrīn gunmen", "lone \uD800", "x"};
        for (int n = 0; n < 120_000; n++) {
            Incident.Builder b = Incident.builder().sourceKey("acled:SYN" + n)
                    .date(LocalDate.of(1990 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28)))
                    .eventType(EventType.BATTLES);
            if (r.nextInt(10) > 0) b.position(coords[r.nextInt(coords.length)], 2 * coords[r.nextInt(coords.length)]);
            for (int a = r.nextInt(4); a > 0; a--) {
                b.actor(names[r.nextInt(names.length)] + (r.nextInt(3) == 0 ? " " + r.nextInt(90_000) : ""),
                        r.nextBoolean() ? "SAA" : "UNK");
            }
            if (r.nextBoolean()) b.place(names[r.nextInt(names.length)]).summary("near " + names[r.nextInt(names.length)]);
            Incident i = values.normalised(b.build());
            if (n % 8 == 0) assertEquals(reference(i), values.hash(i), "incident " + n);
            else assertEquals(IncidentValues.hash(MessageDigest.getInstance("SHA-256"), i), values.hash(i), "incident " + n);
            assertEquals(IncidentValues.actorsJson(i), values.actors(i), "actors of incident " + n);
            // a row's texts encoded once: the bytes the hash made are those of getBytes, for its texts and others
            for (String t : new String[] {i.sourceKey(), i.place(), i.summary(), i.eventType().label(), names[n % names.length],
                    "other " + n}) {
                if (t != null) assertArrayEquals(t.getBytes(StandardCharsets.UTF_8), values.utf8(t), t);
            }
        }
    }

    @Test
    void dateTextIsLocalDatesOwn() {
        IncidentValues values = new IncidentValues(FactionCatalog.shipped());
        Random r = new Random(5);
        for (int n = 0; n < 200_000; n++) {
            LocalDate d = n < 100_000 ? LocalDate.ofEpochDay(r.nextInt(4_000_000) - 1_000_000)
                    : LocalDate.of(r.nextInt(40_000) - 20_000, 1 + r.nextInt(12), 1 + r.nextInt(28));
            assertEquals(d.toString(), IncidentValues.dateText(d));
            assertEquals(d.toString(), values.date(d), "remembered");
        }
        for (LocalDate d : new LocalDate[] {LocalDate.MIN, LocalDate.MAX, LocalDate.of(999, 12, 31), LocalDate.of(1000, 1, 1),
                LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1), LocalDate.of(0, 1, 1), LocalDate.of(-1, 1, 1)}) {
            assertEquals(d.toString(), IncidentValues.dateText(d));
        }
    }

    private static String pick(Random r, String[] texts, String ifNull) {
        String t = texts[r.nextInt(texts.length)];
        return t == null ? ifNull : t;
    }
}
