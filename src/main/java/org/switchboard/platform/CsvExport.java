package org.switchboard.platform;

import com.opencsv.CSVWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.switchboard.i18n.SchoolTime;

/**
 * Every CSV download, written one way: UTF-8 with a byte order mark (so that spreadsheet programs read Arabic and
 * accents), times in the school's time zone as the pages show them ({@link SchoolTime}),
 * and free text that a spreadsheet would take for a formula made plain text.
 */
public final class CsvExport implements Closeable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** A phone number as the pages show it, whole or masked: starts with "+", but cannot call anything. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[0-9 •]+");

    private final CSVWriter csv;
    private final ZoneId zone;

    CsvExport(Writer out) throws IOException {
        out.write('\uFEFF');
        this.csv = new CSVWriter(out);
        this.zone = SchoolTime.zone();
    }

    /** Starts a download named {@code fileName} on the response, with this first line. */
    public static CsvExport download(HttpServletResponse response, String fileName, String... header)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        CsvExport export = new CsvExport(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        export.csv.writeNext(header, false);
        return export;
    }

    /** One line: text, numbers, instants; null is an empty cell. */
    public void row(Object... cells) {
        csv.writeNext(Arrays.stream(cells).map(this::cell).toArray(String[]::new), false);
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return TIME.format(instant.atZone(zone));
        }
        if (value instanceof CharSequence text) {
            return plain(text.toString());
        }
        return value.toString();
    }

    /**
     * Text starting as a formula would ({@code =HYPERLINK(…)}, {@code =cmd|…}, {@code +}, {@code -}, {@code @}) gets a
     * leading quote, so that opening an export never runs what someone typed in an SMS, a name or a note.
     */
    static String plain(String text) {
        if (text.isEmpty()
                || "=+-@\t\r".indexOf(text.charAt(0)) < 0
                || PHONE_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
