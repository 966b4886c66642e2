package org.switchboard.sms;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/** The templates page: the list, and one template edited in a dialog with its part count. */
@Named
@ViewScoped
public class TemplatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SmsTemplates templates;

    @Inject
    private CurrentUser currentUser;

    private Long editedId;
    private String name;
    private String text;

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
