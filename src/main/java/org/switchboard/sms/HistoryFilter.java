package org.switchboard.sms;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.switchboard.i18n.SchoolTime;

/**
 * Which messages the history shows: each criterion is optional, and those given all apply. The text is searched as a
 * substring, whatever its case (on PostgreSQL a trigram index serves it).
 *
 * @param from created at or after
 * @param until created before
 * @param sender who queued them: a username or an API key's name
 * @param contactId sent to one of this contact's numbers
 * @param groupId sent to a number of one of this group's members
 * @param campaignId queued by this send request
 */
public record HistoryFilter(
        MessageState state,
        Instant from,
        Instant until,
        Long deviceId,
        String sender,
        Long contactId,
        Long groupId,
        Long campaignId,
        String text)
        implements Serializable {

    public static final HistoryFilter NONE = new HistoryFilter(null, null, null, null, null, null, null, null, null);

    /** Messages in this state (null: in any), as the REST API lists them. */
    public static HistoryFilter of(MessageState state) {
        return new HistoryFilter(state, null, null, null, null, null, null, null, null);
    }

    /** The first instant of a day in the school's time zone; null for no day. */
    static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(SchoolTime.zone()).toInstant();
    }

    /** The first instant after a day, so that a day given as "until" is included whole. */
    static Instant endOf(LocalDate day) {
        return day == null ? null : startOf(day.plusDays(1));
    }

    <T> TypedQuery<T> query(EntityManager em, String select, String orderBy, Class<T> type, Long beforeId) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        add(where, parameters, state, " and m.state = :state", "state");
        add(where, parameters, from, " and m.createdAt >= :from", "from");
        add(where, parameters, until, " and m.createdAt < :until", "until");
        add(where, parameters, deviceId, " and m.deviceId = :device", "device");
        add(where, parameters, blankToNull(sender), " and m.createdBy = :sender", "sender");
        add(
                where,
                parameters,
                contactId,
                " and m.recipient in (select p.e164 from PhoneNumber p where p.contact.id = :contact)",
                "contact");
        add(
                where,
                parameters,
                groupId,
                " and m.recipient in (select p.e164 from PhoneNumber p join p.contact c join c.groups g"
                        + " where g.id = :group)",
                "group");
        add(where, parameters, campaignId, " and m.batchId = :campaign", "campaign");
        String searched = blankToNull(text);
        add(
                where,
                parameters,
                searched == null ? null : "%" + escape(searched.toLowerCase(Locale.ROOT)) + "%",
                " and lower(m.text) like :text escape '\\'",
                "text");
        add(where, parameters, beforeId, " and m.id < :before", "before");
        TypedQuery<T> query = em.createQuery(select + where + orderBy, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static void add(
            StringBuilder where, Map<String, Object> parameters, Object value, String condition, String name) {
        if (value != null) {
            where.append(condition);
            parameters.put(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A typed % or _ is searched for as itself. */
    private static String escape(String searched) {
        return searched.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
