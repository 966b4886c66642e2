package org.switchboard.contact;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

/**
 * A contact in a form is its id. The service is looked up rather than injected: Mojarra 4 on Payara left
 * {@code managed = true} converters without their injections.
 */
@FacesConverter(forClass = Contact.class)
public class ContactConverter implements Converter<Contact> {

    @Override
    public Contact getAsObject(FacesContext context, UIComponent component, String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return null;
        }
        return CDI.current()
                .select(ContactService.class)
                .get()
                .find(Long.parseLong(id))
                .orElse(null);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Contact contact) {
        return contact == null || contact.getId() == null ? "" : contact.getId().toString();
    }
}
