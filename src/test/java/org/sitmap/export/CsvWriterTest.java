package org.sitmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.ingest.csv.FormulaGuard;
import org.sitmap.testutil.Fixtures;

class CsvWriterTest {
    @Test
    void cellsThatCouldRunAsFormulasGetAnApostrophe() {
        assertThat(CsvWriter.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvWriter.cell("+cmd")).isEqualTo("'+cmd");
        assertThat(CsvWriter.cell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvWriter.cell("-36.25")).isEqualTo("-36.25");
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvWriter.cell("")).isEmpty();
    }

    @Test
    void aLeadingSpaceAndFullwidthSignsAreGuardedToo() {
        assertThat(CsvWriter.cell(" =1+1")).isEqualTo("' =1+1");
        assertThat(CsvWriter.cell("  @x")).isEqualTo("'  @x");
        for (String s : new String[] {"\uFF1D1+1", "\uFF0BA1", "\uFF0D2", "\uFF20SUM(A1)"}) {
            assertThat(CsvWriter.cell(s)).isEqualTo("'" + s);
        }
        // a text that starts with an apostrophe before a formula keeps it: the reader removes one
        assertThat(CsvWriter.cell("'=x")).isEqualTo("''=x");
        assertThat(CsvWriter.cell(" plain")).isEqualTo(" plain");
        assertThat(CsvWriter.cell("it's")).isEqualTo("it's");
    }

    @Test
    void unguardGivesBackWhatWasGuarded() {
        for (String s : new String[] {"=1+2", " =1+1", "\uFF1D1", "\uFF0B1", "\uFF0D1", "\uFF20a", "\tx", "'=x", "''+y",
                "'plain", "it's", "-", "+33 dead"}) {
            String written = CsvWriter.cell(s);
            if (written.startsWith("\"")) written = written.substring(1, written.length() - 1).replace("\"\"", "\"");
            assertThat(FormulaGuard.unguard(written)).as(s).isEqualTo(s);
        }
    }

    @Test
    void writesAcledNamedColumnsAndArabicAsUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(List.of(Fixtures.arabic()), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,event_id_cnty,event_date,end_date,time_precision,event_type");
        // the fixture's end (30 June) is the end its month precision gives anyway, so the incident has none
        assertThat(lines[1]).contains("2020-06-01,,3,Explosions/Remote violence,Air/drone strike,")
                .contains("القوات الجوية السورية,Russian warplanes,,SAA;RUS,SAA;RUS,Syria,إدلب,كفرسجنة,35.5279,36.5896,2,3,SOHR,")
                .contains("\"Strike on the village; \"\"quoted\"\", commas\"");
    }
}
