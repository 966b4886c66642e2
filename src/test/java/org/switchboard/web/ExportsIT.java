package org.switchboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import com.opencsv.CSVReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.SignIn;
import org.switchboard.testing.TestPhone;

/**
 * Both CSV exports, the SMS history and the call log, written one way: a byte order mark so that spreadsheet programs
 * read Arabic, times as the pages show them (the server's time zone), the contact's name next to the number, and what
 * people typed that a spreadsheet would run as a formula turned into plain text.
 */
@ContainerTest
class ExportsIT {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String LINK_FORMULA = "=HYPERLINK(\"http://evil.example\",\"open\")";
    private static final String COMMAND_FORMULA = "=cmd|' /C calc'!A0";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newHttpClient();
    private Fixtures fixtures;
    private String local;
    private String surname;

    @BeforeEach
    void aGuardianWithAFormulaForAFirstName() {
        fixtures = new Fixtures(base);
        local = "50" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        surname = "بن علي " + Fixtures.uniqueName("x");
        fixtures.contact(
                Fixtures.uniqueName("G"),
                "{\"firstName\": \"" + LINK_FORMULA.replace("\"", "\\\"") + "\", \"lastName\": \"" + surname
                        + "\", \"kind\": \"GUARDIAN\", \"numbers\": [{\"number\": \"" + local
                        + "\", \"label\": \"MOBILE\"}], \"groups\": [], \"guardians\": []}");
    }

    @Test
    void theSmsHistoryExportHasABomLocalTimesTheContactAndNoFormula() throws Exception {
        String word = Fixtures.uniqueName("export").replace('-', 'x');
        long parked = fixtures.phone("parked").id();
        Instant before = Instant.now();
        fixtures.sms(parked, COMMAND_FORMULA + " " + word, "+216" + local);
        Instant after = Instant.now();
        String admin = SignIn.session(base, fixtures.user("exporter", "ADMIN", false));

        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "sms/history.csv?q=" + word))
                        .header("Cookie", admin)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        List<String[]> rows = rows(response.body());
        List<String> header = Arrays.asList(rows.get(0));
        assertEquals(
                2,
                rows.size(),
                () -> header + " " + rows.stream().map(Arrays::toString).toList());
        String[] row = rows.get(1);
        assertTakenBetween(before, after, row[header.indexOf("created_at")]);
        assertEquals(
                "+216 " + local.substring(0, 2) + " " + local.substring(2, 5) + " " + local.substring(5),
                row[header.indexOf("recipient")]);
        assertEquals("'" + LINK_FORMULA + " " + surname, row[header.indexOf("contact")]);
        assertEquals("'" + COMMAND_FORMULA + " " + word, row[header.indexOf("text")]);
    }

    @Test
    void theSmsHistoryExportNamesOnlyTheCampaignsTheCampaignsPageLists() throws Exception {
        String word = Fixtures.uniqueName("reply").replace('-', 'x');
        long parked = fixtures.phone("parked").id();
        long single = fixtures.sms(parked, "Bien reçu " + word, "+216" + local).get(0);
        List<Long> bulk = fixtures.sms(parked, "Réunion jeudi " + word, "+216" + local, "+21650999001");
        String campaign = fixtures.campaign(bulk.get(0), "id");
        String admin = SignIn.session(base, fixtures.user("exporter", "ADMIN", false));

        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "sms/history.csv?q=" + word))
                        .header("Cookie", admin)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        List<String[]> rows = rows(response.body());
        int id = Arrays.asList(rows.get(0)).indexOf("id");
        int column = Arrays.asList(rows.get(0)).indexOf("campaign");
        assertEquals(
                4,
                rows.size(),
                () -> rows.stream().map(Arrays::toString).toList().toString());
        for (String[] row : rows.subList(1, rows.size())) {
            String expected = row[id].equals(String.valueOf(single)) ? "" : campaign;
            assertEquals(expected, row[column], () -> "message " + row[id] + " of " + Arrays.toString(row));
        }
    }

    @Test
    void theCallLogExportHasABomLocalTimesTheContactAndNoFormula() throws Exception {
        Fixtures.Phone paired = fixtures.phone("exported");
        String admin = fixtures.user("archivist", "ADMIN", false);
        Instant before = Instant.now();
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            report(phone, "ringing");
            report(phone, "active");
            report(phone, "ended");
        }
        Instant after = Instant.now();
        String call = fixtures.callsOnce(paired.id(), "COMPLETED")
                .lines()
                .filter(line -> line.contains("COMPLETED"))
                .findFirst()
                .orElseThrow()
                .split(" ")[0];
        fixtures.calls("calls", "notes", "user", admin, "call", call, "notes", COMMAND_FORMULA + " يريد موعدا");

        List<String[]> rows = rows(callLog(SignIn.session(base, admin)));
        List<String> header = Arrays.asList(rows.get(0));
        String[] row = rows.stream()
                .filter(line -> line[0].equals(call))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError(rows.stream().map(Arrays::toString).toList()));
        assertTakenBetween(before, after, row[header.indexOf("started")]);
        assertEquals(
                "+216 " + local.substring(0, 2) + " " + local.substring(2, 5) + " " + local.substring(5),
                row[header.indexOf("number")]);
        assertEquals("'" + LINK_FORMULA + " " + surname, row[header.indexOf("contact")]);
        assertEquals("'" + COMMAND_FORMULA + " يريد موعدا", row[header.indexOf("notes")]);
    }

    /** The call log's export button, pressed in the user's session. */
    private byte[] callLog(String session) throws Exception {
        URI page = URI.create(base.toString()).resolve("call/index.xhtml");
        String html = http.send(
                        HttpRequest.newBuilder(page).header("Cookie", session).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String form = "log=log&log%3Aexport=&jakarta.faces.ViewState="
                + URLEncoder.encode(SignIn.viewState(html), StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(page)
                        .header("Cookie", session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** The file's lines, once it is checked to start with the UTF-8 byte order mark. */
    private static List<String[]> rows(byte[] file) throws Exception {
        assertTrue(file.length > BOM.length, "an empty export");
        assertEquals(Arrays.toString(BOM), Arrays.toString(Arrays.copyOf(file, BOM.length)), "no byte order mark");
        String text = new String(file, BOM.length, file.length - BOM.length, StandardCharsets.UTF_8);
        try (CSVReader reader = new CSVReader(new StringReader(text))) {
            return reader.readAll();
        }
    }

    /** A time written as the pages show it, in the server's zone (the server runs on this machine), to the second. */
    private static void assertTakenBetween(Instant before, Instant after, String written) {
        Instant taken = LocalDateTime.parse(written, TIME)
                .atZone(ZoneId.systemDefault())
                .toInstant();
        assertTrue(
                !taken.isBefore(before.minusSeconds(1)) && !taken.isAfter(after),
                written + " is not between " + before + " and " + after + " in " + ZoneId.systemDefault());
    }

    private void report(TestPhone phone, String state) {
        String id = phone.send(
                "call_state", "{\"call\": \"e-1\", \"state\": \"" + state + "\", \"number\": \"+216" + local + "\"}");
        phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
    }
}
