package org.switchboard.contact;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.platform.InvalidInputException;

/**
 * Contacts and invoices from a CSV file: first a preview with a verdict for every row, then the import. Rows are
 * matched by external id (invoices by number), so importing the same file twice changes nothing. The import is one
 * transaction: either every row it takes is saved, or none.
 */
@ApplicationScoped
@Transactional
public class ContactImport {

    static final int MAX_ROWS = 50_000;
    private static final String LIST_SEPARATOR = "\\|";
    private static final int CLEAR_EVERY = 250;

    static final List<String> CONTACT_COLUMNS = List.of(
            "external_id", "first_name", "last_name", "kind", "mobile", "home", "work", "groups", "guardians", "notes");
    static final List<String> INVOICE_COLUMNS =
            List.of("number", "contact", "issue_date", "due_date", "amount", "amount_paid", "currency", "status");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContactService contacts;

    public enum Verdict {
        OK,
        WARNING,
        ERROR
    }

    /** Why a row is not simply OK: a message-bundle key and its arguments. */
    public record Problem(Verdict severity, String messageKey, List<Object> arguments) {
        static Problem of(Verdict severity, String messageKey, Object... arguments) {
            return new Problem(severity, messageKey, List.of(arguments));
        }
    }

    /** One line of the file, what it would save, and the verdict on it. */
    public record Row<T>(int line, String key, String label, List<Problem> problems, T input) {
        public Verdict verdict() {
            return problems.stream().map(Problem::severity).max(Enum::compareTo).orElse(Verdict.OK);
        }
    }

    /** Everything the preview found: problems with the file itself, then each row. */
    public record Preview<T>(List<Problem> fileProblems, List<Row<T>> rows) {
        public long count(Verdict verdict) {
            return rows.stream().filter(r -> r.verdict() == verdict).count();
        }

        public boolean hasErrors() {
            return !fileProblems.isEmpty() || count(Verdict.ERROR) > 0;
        }
    }

    /** What an import did. */
    public record Outcome(int created, int updated, int unchanged, int skipped) {}

    // Contacts

    public Preview<ContactInput> previewContacts(Reader csv) {
        Table table = read(csv, CONTACT_COLUMNS, List.of("external_id"));
        List<Row<ContactInput>> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Set<String> inFile = new HashSet<>();
        Map<String, Boolean> groupExists = new HashMap<>();
        table.rows().forEach(r -> inFile.add(r.get("external_id")));
        for (Map<String, String> cells : table.rows()) {
            int line = Integer.parseInt(cells.get(LINE));
            String externalId = cells.get("external_id");
            List<Problem> problems = new ArrayList<>();
            ContactInput input = contactInput(cells, problems);
            if (externalId.isEmpty()) {
                problems.add(Problem.of(Verdict.ERROR, "import.problem.noExternalId"));
            } else if (firstLine.containsKey(externalId)) {
                problems.add(
                        Problem.of(Verdict.ERROR, "import.problem.duplicate", externalId, firstLine.get(externalId)));
            } else {
                firstLine.put(externalId, line);
            }
            if (input != null) {
                checkContact(input, inFile, groupExists, problems);
            }
            String name = (cells.get("first_name") + " " + cells.get("last_name")).strip();
            rows.add(new Row<>(line, externalId, name, problems, input));
        }
        return new Preview<>(table.problems(), rows);
    }

    private ContactInput contactInput(Map<String, String> cells, List<Problem> problems) {
        ContactKind kind = ContactKind.OTHER;
        String kindText = cells.get("kind");
        if (!kindText.isEmpty()) {
            try {
                kind = ContactKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of(Verdict.ERROR, "import.problem.kind", kindText));
                return null;
            }
        }
        List<ContactInput.NumberInput> numbers = new ArrayList<>();
        for (NumberLabel label : List.of(NumberLabel.MOBILE, NumberLabel.HOME, NumberLabel.WORK)) {
            for (String number : list(cells.get(label.name().toLowerCase(Locale.ROOT)))) {
                numbers.add(new ContactInput.NumberInput(number, label));
            }
        }
        return new ContactInput(
                cells.get("first_name"),
                cells.get("last_name"),
                kind,
                cells.get("notes"),
                numbers,
                list(cells.get("groups")),
                list(cells.get("guardians")));
    }

    private void checkContact(
            ContactInput input, Set<String> inFile, Map<String, Boolean> groupExists, List<Problem> problems) {
        List<String> fileGuardians =
                input.guardians().stream().filter(inFile::contains).toList();
        ContactInput withoutFileGuardians = new ContactInput(
                input.firstName(),
                input.lastName(),
                input.kind(),
                input.notes(),
                input.numbers(),
                input.groups(),
                input.guardians().stream()
                        .filter(g -> !fileGuardians.contains(g))
                        .toList());
        contacts.check(withoutFileGuardians)
                .ifPresent(e -> problems.add(new Problem(Verdict.ERROR, e.messageKey(), Arrays.asList(e.arguments()))));
        for (String group : input.groups()) {
            if (!groupExists.computeIfAbsent(group.toLowerCase(Locale.ROOT), g -> contacts.findGroup(group)
                    .isPresent())) {
                problems.add(Problem.of(Verdict.WARNING, "import.problem.newGroup", group));
            }
        }
        if (input.numbers().isEmpty()) {
            problems.add(Problem.of(Verdict.WARNING, "import.problem.noPhone"));
        }
    }

    /**
     * Saves the rows of a contact preview. Guardians are saved before the students that name them.
     *
     * @param validRowsOnly take the rows without errors and leave the others; otherwise any error refuses the file
     */
    public Outcome importContacts(String actor, Preview<ContactInput> preview, boolean validRowsOnly) {
        List<Row<ContactInput>> pending = takeable(preview, validRowsOnly);
        int skipped = preview.rows().size() - pending.size();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int done = 0;
        while (!pending.isEmpty()) {
            List<Row<ContactInput>> later = new ArrayList<>();
            for (Row<ContactInput> row : pending) {
                boolean guardiansReady = row.input().guardians().stream()
                        .allMatch(g -> contacts.findByExternalId(g).isPresent());
                if (!guardiansReady) {
                    later.add(row);
                    continue;
                }
                ContactService.Saved saved = contacts.save(actor, row.key(), row.input());
                if (saved.created()) {
                    created++;
                } else if (saved.changed()) {
                    updated++;
                } else {
                    unchanged++;
                }
                if (++done % CLEAR_EVERY == 0) {
                    em.flush();
                    em.clear();
                }
            }
            if (later.size() == pending.size()) {
                // What is left names guardians that will never be saved: rows left out, or a cycle.
                if (!validRowsOnly) {
                    throw new InvalidInputException(
                            "guardians",
                            "import.problem.guardianMissing",
                            later.get(0).line());
                }
                skipped += later.size();
                break;
            }
            pending = later;
        }
        return new Outcome(created, updated, unchanged, skipped);
    }

    // Invoices

    public Preview<InvoiceInput> previewInvoices(Reader csv) {
        Table table =
                read(csv, INVOICE_COLUMNS, List.of("number", "contact", "issue_date", "amount", "currency", "status"));
        List<Row<InvoiceInput>> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Map<String, String> cells : table.rows()) {
            int line = Integer.parseInt(cells.get(LINE));
            String number = cells.get("number");
            List<Problem> problems = new ArrayList<>();
            InvoiceInput input = invoiceInput(cells, problems);
            if (number.isEmpty()) {
                problems.add(Problem.of(Verdict.ERROR, "import.problem.noNumber"));
            } else if (firstLine.containsKey(number)) {
                problems.add(Problem.of(Verdict.ERROR, "import.problem.duplicate", number, firstLine.get(number)));
            } else {
                firstLine.put(number, line);
            }
            if (input != null && contacts.findByExternalId(input.contact()).isEmpty()) {
                problems.add(Problem.of(Verdict.ERROR, "error.invoice.unknownContact", input.contact()));
            }
            rows.add(new Row<>(line, number, cells.get("contact"), problems, input));
        }
        return new Preview<>(table.problems(), rows);
    }

    private static InvoiceInput invoiceInput(Map<String, String> cells, List<Problem> problems) {
        try {
            String due = cells.get("due_date");
            String paid = cells.get("amount_paid");
            return new InvoiceInput(
                    cells.get("contact"),
                    LocalDate.parse(cells.get("issue_date")),
                    due.isEmpty() ? null : LocalDate.parse(due),
                    new BigDecimal(cells.get("amount")),
                    paid.isEmpty() ? BigDecimal.ZERO : new BigDecimal(paid),
                    cells.get("currency"),
                    InvoiceStatus.valueOf(cells.get("status").toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(Verdict.ERROR, "import.problem.date", e.getParsedString()));
        } catch (NumberFormatException e) {
            problems.add(Problem.of(Verdict.ERROR, "import.problem.amount"));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(Verdict.ERROR, "import.problem.status", cells.get("status")));
        }
        return null;
    }

    public Outcome importInvoices(String actor, Preview<InvoiceInput> preview, boolean validRowsOnly) {
        List<Row<InvoiceInput>> rows = takeable(preview, validRowsOnly);
        int created = 0;
        int updated = 0;
        int done = 0;
        for (Row<InvoiceInput> row : rows) {
            ContactService.SavedInvoice saved = contacts.saveInvoice(actor, row.key(), row.input());
            created += saved.created() ? 1 : 0;
            updated += !saved.created() && saved.changed() ? 1 : 0;
            if (++done % CLEAR_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        return new Outcome(
                created,
                updated,
                rows.size() - created - updated,
                preview.rows().size() - rows.size());
    }

    private static <T> List<Row<T>> takeable(Preview<T> preview, boolean validRowsOnly) {
        if (!preview.fileProblems().isEmpty()) {
            throw new InvalidInputException("file", "import.refused.file");
        }
        if (preview.hasErrors() && !validRowsOnly) {
            throw new InvalidInputException("file", "import.refused.errors", preview.count(Verdict.ERROR));
        }
        return preview.rows().stream().filter(r -> r.verdict() != Verdict.ERROR).toList();
    }

    // Reading CSV

    private static final String LINE = "#line";

    private record Table(List<Problem> problems, List<Map<String, String>> rows) {}

    /**
     * Reads a CSV file whose first line names the columns, separated by commas or semicolons (as spreadsheets in
     * French write them). Each row becomes a map of column to trimmed text, with its line number under {@link #LINE}.
     */
    private static Table read(Reader csv, List<String> known, List<String> required) {
        List<Problem> problems = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader buffered = new BufferedReader(csv)) {
            buffered.mark(8192);
            String header = Optional.ofNullable(buffered.readLine()).orElse("");
            buffered.reset();
            char separator = header.chars().filter(c -> c == ';').count()
                            > header.chars().filter(c -> c == ',').count()
                    ? ';'
                    : ',';
            CSVReader reader = new CSVReaderBuilder(buffered)
                    .withCSVParser(
                            new CSVParserBuilder().withSeparator(separator).build())
                    .build();
            List<String[]> lines = reader.readAll();
            if (lines.isEmpty()) {
                problems.add(Problem.of(Verdict.ERROR, "import.problem.empty"));
                return new Table(problems, rows);
            }
            List<String> columns = Arrays.stream(lines.get(0))
                    .map(c -> c.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
                    .toList();
            for (String column : required) {
                if (!columns.contains(column)) {
                    problems.add(Problem.of(Verdict.ERROR, "import.problem.missingColumn", column));
                }
            }
            if (!problems.isEmpty()) {
                return new Table(problems, rows);
            }
            if (lines.size() - 1 > MAX_ROWS) {
                problems.add(Problem.of(Verdict.ERROR, "import.problem.tooManyRows", MAX_ROWS));
                return new Table(problems, rows);
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i);
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : known) {
                    int index = columns.indexOf(column);
                    row.put(column, index >= 0 && index < cells.length ? cells[index].strip() : "");
                }
                row.put(LINE, String.valueOf(i + 1));
                rows.add(row);
            }
        } catch (IOException | CsvException e) {
            problems.add(Problem.of(Verdict.ERROR, "import.problem.unreadable", e.getMessage()));
        }
        return new Table(problems, rows);
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(LIST_SEPARATOR))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
