package org.switchboard.sms;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.switchboard.contact.Contact;
import org.switchboard.contact.ContactQuery;
import org.switchboard.contact.ContactService;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/** The templates page: the list, and one template edited in a dialog with its part count. */
@Named
@ViewScoped
public class TemplatesView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int CANDIDATES_SHOWN = 10;

    @Inject
    private SmsTemplates templates;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private SmsService sms;

    @Inject
    private ContactService contacts;

    private Long editedId;
    private String name;
    private String text;
    private Contact sample;

    public List<SmsTemplate> getList() {
        return templates.list();
    }

    public void startNew() {
        editedId = null;
        name = null;
        text = null;
    }

    public void edit(SmsTemplate template) {
        editedId = template.getId();
        name = template.getName();
        text = template.getText();
    }

    public void save() {
        try {
            templates.save(currentUser.getUsername(), editedId, name, text);
            Messages.info("sms.templates.saved", name.strip());
            PrimeFaces.current().executeScript("PF('templateDialog').hide()");
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public void delete(SmsTemplate template) {
        templates.delete(currentUser.getUsername(), template.getId());
        Messages.info("sms.templates.deleted", template.getName());
    }

    public List<Contact> candidates(String typed) {
        return contacts.search(new ContactQuery(typed, null), 0, CANDIDATES_SHOWN);
    }

    /** The text as the sample contact (or, with none, anyone unknown) would receive it; null if there is no text. */
    public String getPreview() {
        if (text == null || text.isBlank() || !Placeholders.unknown(text).isEmpty()) {
            return null;
        }
        return sms.fill(text, sample);
    }

    public Contact getSample() {
        return sample;
    }

    public void setSample(Contact sample) {
        this.sample = sample;
    }

    public Segments.Split getSplit() {
        return Segments.split(text);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
