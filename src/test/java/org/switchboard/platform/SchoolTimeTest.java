package org.switchboard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.i18n.InstantDisplay;
import org.switchboard.i18n.SchoolTime;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;

/**
 * Times read in {@code switchboard.time-zone}, whatever the machine's zone: here Kiritimati (UTC+14), which no build
 * machine runs in, so a time shown in the machine's zone would not match.
 */
@ContainerTest
class SchoolTimeTest {

    private static final String ZONE = "Pacific/Kiritimati";
    private static final Instant NOON_UTC = Instant.parse("2026-03-02T12:00:00Z");

    @Deployment
    static WebArchive deployment() {
        return Deployments.withSettings(
                Deployments.switchboard().addClass(SchoolTimeTest.class), SchoolTime.SETTING + "=" + ZONE);
    }

    @Test
    void pagesAndCsvExportsShowTimesInTheSchoolsZone() throws Exception {
        assertEquals(ZoneId.of(ZONE), SchoolTime.zone());

        StringWriter csv = new StringWriter();
        try (CsvExport export = new CsvExport(csv)) {
            export.row("sent", NOON_UTC);
        }
        assertEquals("\uFEFFsent,2026-03-03 02:00:00", csv.toString().strip());

        String shown = InstantDisplay.format(NOON_UTC, Locale.UK);
        assertTrue(shown.contains("3 Mar 2026") && shown.contains("02:00"), shown);
    }
}
