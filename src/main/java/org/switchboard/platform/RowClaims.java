package org.switchboard.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that one transaction takes for itself, so that several nodes running the same schedule on one database each
 * act on a row once. A claim is {@code SELECT … FOR UPDATE SKIP LOCKED} (PostgreSQL, and H2 since 2.2): the rows
 * another transaction holds are left to it, and those it has changed are read as it committed them. EclipseLink 4
 * has no hint for {@code SKIP LOCKED} (its pessimistic lock gives {@code FOR UPDATE} or {@code NOWAIT} only), so the
 * statement runs on the transaction's own connection; the entities are then read by id, locked as they are.
 *
 * <p>The statement selects the ids alone, from one table (a join would lock the other table's rows too: put it in a
 * subquery). Its parameters are bound in order; an {@link Instant} as UTC, an enum by its name.
 */
public final class RowClaims {

    private RowClaims() {}

    /** The ids of the selected rows no other transaction holds, held by this one until it ends. */
    public static List<Long> claim(EntityManager em, String select, Object... parameters) {
        return ids(em, select + " for update skip locked", parameters);
    }

    /** {@link #claim}, then the entities of the ids claimed, by id. */
    public static <T> List<T> claim(EntityManager em, Class<T> entity, String select, Object... parameters) {
        return load(em, entity, claim(em, select, parameters));
    }

    /**
     * The ids of the selected rows, held by this transaction until it ends: it waits for a transaction that holds one,
     * and reads that row as that transaction left it.
     */
    public static List<Long> lock(EntityManager em, String select, Object... parameters) {
        return ids(em, select + " for update", parameters);
    }

    /** {@link #lock}, then the entities of the ids locked, by id. */
    public static <T> List<T> lock(EntityManager em, Class<T> entity, String select, Object... parameters) {
        return load(em, entity, lock(em, select, parameters));
    }

    private static List<Long> ids(EntityManager em, String sql, Object... parameters) {
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, jdbc(parameters[i]));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new PersistenceException("Could not claim rows: " + sql, e);
        }
    }

    private static Object jdbc(Object parameter) {
        if (parameter instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (parameter instanceof Enum<?> constant) {
            return constant.name();
        }
        return parameter;
    }

    private static <T> List<T> load(EntityManager em, Class<T> entity, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from " + entity.getSimpleName() + " e where e.id in :ids order by e.id", entity)
                .setParameter("ids", ids)
                .getResultList();
    }
}
