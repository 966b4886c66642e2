package org.switchboard.contact;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.primefaces.model.file.UploadedFile;
import org.switchboard.contact.ContactImport.Outcome;
import org.switchboard.contact.ContactImport.Preview;
import org.switchboard.contact.ContactImport.Problem;
import org.switchboard.contact.ContactImport.Row;
import org.switchboard.contact.ContactImport.Verdict;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;
import org.switchboard.security.Role;

/** The import page: upload a CSV of contacts or of invoices, read the verdict on every row, then import. */
@Named
@ViewScoped
public class ImportView implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        CONTACTS,
        INVOICES
    }

    @Inject
    private ContactImport imports;

    @Inject
    private CurrentUser currentUser;

    private Kind kind = Kind.CONTACTS;
    private transient UploadedFile file;
    private Preview<?> preview;
    private Kind previewed;

    /** A row as the preview table shows it, its reasons in the user's language. */
    public record RowView(int line, String key, String label, Verdict verdict, String reasons)
            implements Serializable {}

    public void preview() {
        if (!mayImport()) {
            return;
        }
        if (file == null || file.getSize() == 0) {
            Messages.error("import.noFile");
            return;
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            preview = kind == Kind.CONTACTS ? imports.previewContacts(reader) : imports.previewInvoices(reader);
            previewed = kind;
        } catch (IOException e) {
            Messages.error("import.problem.unreadable", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public void importRows(boolean validRowsOnly) {
        if (!mayImport() || preview == null) {
            return;
        }
        try {
            Outcome outcome = previewed == Kind.CONTACTS
                    ? imports.importContacts(currentUser.getUsername(), (Preview<ContactInput>) preview, validRowsOnly)
                    : imports.importInvoices(currentUser.getUsername(), (Preview<InvoiceInput>) preview, validRowsOnly);
            Messages.info("import.done", outcome.created(), outcome.updated(), outcome.unchanged(), outcome.skipped());
            preview = null;
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    private boolean mayImport() {
        if (currentUser.getRole() == Role.VIEWER) {
            Messages.error("import.readOnly");
            return false;
        }
        return true;
    }

    public List<RowView> getRows() {
        if (preview == null) {
            return List.of();
        }
        return preview.rows().stream().map(ImportView::view).toList();
    }

    private static RowView view(Row<?> row) {
        return new RowView(row.line(), row.key(), row.label(), row.verdict(), reasons(row.problems()));
    }

    public String getFileProblems() {
        return preview == null ? "" : reasons(preview.fileProblems());
    }

    private static String reasons(List<Problem> problems) {
        return problems.stream()
                .map(p -> Messages.text(p.messageKey(), p.arguments().toArray()))
                .collect(Collectors.joining(" "));
    }

    public long count(Verdict verdict) {
        return preview == null ? 0 : preview.count(verdict);
    }

    public boolean isPreviewed() {
        return preview != null;
    }

    public boolean isHasErrors() {
        return preview != null && preview.hasErrors();
    }

    public boolean isSomethingToImport() {
        return preview != null
                && preview.fileProblems().isEmpty()
                && preview.rows().stream().anyMatch(r -> r.verdict() != Verdict.ERROR);
    }

    public Kind[] getKinds() {
        return Kind.values();
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
