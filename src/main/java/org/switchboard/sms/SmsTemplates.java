package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.audit.AuditEvent;
import org.switchboard.platform.InvalidInputException;

/** The saved texts the compose page offers. Names are unique whatever their case. */
@ApplicationScoped
@Transactional
public class SmsTemplates {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<AuditEvent> audit;

    public List<SmsTemplate> list() {
        return em.createNamedQuery(SmsTemplate.ALL, SmsTemplate.class).getResultList();
    }

    public Optional<SmsTemplate> find(long id) {
        return Optional.ofNullable(em.find(SmsTemplate.class, id));
    }

    /** By name, whatever its case. */
    public Optional<SmsTemplate> find(String name) {
        return em.createNamedQuery(SmsTemplate.BY_NAME, SmsTemplate.class)
                .setParameter("name", name.strip().toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    /** Creates a template ({@code id} null) or changes one. */
    public SmsTemplate save(String actor, Long id, String name, String text) {
        String templateName = name == null ? "" : name.strip();
        if (templateName.isEmpty() || templateName.length() > SmsTemplate.MAX_NAME) {
            throw new InvalidInputException("name", "error.sms.templateName", SmsTemplate.MAX_NAME);
        }
        SmsService.checkedText(text);
        Segments.Split split = Segments.split(text);
        if (split.count() > SmsService.MAX_PARTS) {
            throw new InvalidInputException("text", "error.sms.tooLong", SmsService.MAX_PARTS, split.count());
        }
        boolean taken = em.createNamedQuery(SmsTemplate.BY_NAME, SmsTemplate.class)
                .setParameter("name", templateName.toLowerCase(Locale.ROOT))
                .getResultStream()
                .anyMatch(other -> !other.getId().equals(id));
        if (taken) {
            throw new InvalidInputException("name", "error.sms.templateNameTaken", templateName);
        }
        SmsTemplate template;
        if (id == null) {
            template = new SmsTemplate(templateName, text, actor, clock.instant());
            em.persist(template);
        } else {
            template = find(id).orElseThrow(() -> new InvalidInputException("id", "error.sms.unknownTemplate", id));
            template.change(templateName, text, actor, clock.instant());
        }
        audit.fire(AuditEvent.success(actor, SmsAction.SMS_TEMPLATE_SAVED.name(), templateName));
        return template;
    }

    public void delete(String actor, long id) {
        find(id).ifPresent(template -> {
            em.remove(template);
            audit.fire(AuditEvent.success(actor, SmsAction.SMS_TEMPLATE_DELETED.name(), template.getName()));
        });
    }
}
