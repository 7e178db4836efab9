package org.sitmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

/** The content hash written straight as bytes equals the hash of the joined string that stores already hold. */
class ContentHashTest {
    /** How the first stores made the hash: the fields joined into one string, then its UTF-8 bytes digested. */
    private static String joinedHash(MessageDigest sha, Incident i) {
        StringBuilder sb = new StringBuilder(256);
        Object[] parts = {i.sourceKey(), i.date(), i.datePrecision().code(), i.endDate(), i.place(), i.admin1(),
                i.country(), i.latitude(), i.longitude(), i.geoPrecision().code(), i.eventType().label(),
                i.subEventType() == null ? null : i.subEventType().label(), i.fatalities(), i.summary(), i.source(),
                i.evidence()};
        for (Object p : parts) sb.append(p == null ? "\u0000" : p.toString()).append('\u001f');
        for (Actor a : i.actors()) sb.append(a.name()).append('\u001e').append(a.factionCode()).append('\u001f');
        if (i.revised() != null) sb.append("revised\u001e").append(i.revised().getEpochSecond());
        byte[] d = sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder(32);
        for (int k = 0; k < 16; k++) hex.append(Character.forDigit((d[k] >> 4) & 15, 16)).append(Character.forDigit(d[k] & 15, 16));
        return hex.toString();
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
            assertThat(IncidentValues.hash(sha, i)).isEqualTo(joinedHash(sha, i));
        }
    }

    private static String pick(Random r, String[] texts, String ifNull) {
        String t = texts[r.nextInt(texts.length)];
        return t == null ? ifNull : t;
    }
}
