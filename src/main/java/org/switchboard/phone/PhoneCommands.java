package org.switchboard.phone;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.platform.RowClaims;

/** The stored commands and their states: queued, acknowledged, then an outcome. */
@ApplicationScoped
@Transactional
class PhoneCommands {

    /** The transaction's resource: the commands {@link #load} read, by command id. */
    private static final Object LOADED = PhoneCommands.class.getName() + ".loaded";

    private static final int EXPIRE_BATCH = 1_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<CommandCompleted> completed;

    @Inject
    private Event<CommandAcknowledged> acknowledged;

    @Inject
    private Event<CommandsReported> reported;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    OutgoingCommand queue(
            String actor, long deviceId, CommandAction action, JsonObject payload, String reference, Duration ttl) {
        Device device = em.find(Device.class, deviceId);
        if (device == null || device.isRevoked()) {
            throw new InvalidInputException("phone", "error.phone.unknown", deviceId);
        }
        Instant now = clock.instant();
        PhoneCommand command = new PhoneCommand(
                deviceId, action, payload.toString(), reference, actor, now, ttl == null ? null : now.plus(ttl));
        em.persist(command);
        return OutgoingCommand.of(command);
    }

    /**
     * The command this phone was given for the same thing ({@code reference}) and that was cancelled before it
     * acknowledged it, queued again if its content is the same; otherwise a new command.
     */
    OutgoingCommand queueAgain(
            String actor, long deviceId, CommandAction action, JsonObject payload, String reference) {
        String content = payload.toString();
        for (PhoneCommand earlier : em.createNamedQuery(PhoneCommand.CANCELLED_FOR, PhoneCommand.class)
                .setParameter("device", deviceId)
                .setParameter("cancelled", CommandState.CANCELLED)
                .setParameter("action", action)
                .setParameter("reference", reference)
                .getResultList()) {
            if (earlier.getPayload().equals(content) && earlier.requeue()) {
                return OutgoingCommand.of(earlier);
            }
        }
        return queue(actor, deviceId, action, payload, reference, null);
    }

    /** The commands the phone has not acknowledged, oldest first, after dropping the ones past their deadline. */
    List<OutgoingCommand> waiting(long deviceId) {
        Instant now = clock.instant();
        List<OutgoingCommand> waiting = new ArrayList<>();
        for (PhoneCommand command : em.createNamedQuery(PhoneCommand.UNACKNOWLEDGED, PhoneCommand.class)
                .setParameter("device", deviceId)
                .setParameter("queued", CommandState.QUEUED)
                .getResultList()) {
            if (command.isExpired(now)) {
                end(command, CommandState.EXPIRED, "not acknowledged in time");
            } else {
                waiting.add(OutgoingCommand.of(command));
            }
        }
        return waiting;
    }

    /**
     * Ends the commands past their deadline, oldest first, at most {@value #EXPIRE_BATCH} at a time. Every node runs
     * it: each claims the commands it ends, so that each ends once (and its outcome is reported once).
     */
    int expireOverdue() {
        List<PhoneCommand> overdue = RowClaims.claim(
                em,
                PhoneCommand.class,
                "select c.id from phone_command c where c.state = ? and c.expires_at <= ? order by c.id limit ?",
                CommandState.QUEUED,
                clock.instant(),
                EXPIRE_BATCH);
        overdue.forEach(command -> end(command, CommandState.EXPIRED, "not acknowledged in time"));
        return overdue.size();
    }

    void acknowledge(long deviceId, String commandId) {
        acknowledge(mine(deviceId, commandId));
    }

    void acknowledge(PhoneCommand command) {
        if (command.acknowledge(clock.instant())) {
            fireAcknowledged(command);
        }
    }

    /**
     * Reads the commands that a batch of reports is about with one query, for {@link #find} to take them from, and
     * tells the features whose commands they are ({@link CommandsReported}) so that they can read theirs alike.
     */
    void load(Collection<String> commandIds) {
        if (commandIds.isEmpty()) {
            return;
        }
        Map<String, PhoneCommand> loaded = new HashMap<>();
        em.createNamedQuery(PhoneCommand.WITH_COMMAND_IDS, PhoneCommand.class)
                .setParameter("commandIds", commandIds)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList()
                .forEach(command -> loaded.put(command.getCommandId(), command));
        transaction.putResource(LOADED, loaded);
        Map<CommandAction, List<String>> references = new HashMap<>();
        loaded.values().stream()
                .filter(command -> command.getReference() != null)
                .forEach(command -> references
                        .computeIfAbsent(command.getAction(), action -> new ArrayList<>())
                        .add(command.getReference()));
        references.forEach((action, ofAction) -> reported.fire(new CommandsReported(action, ofAction)));
    }

    void complete(long deviceId, String commandId, boolean succeeded, String reason) {
        PhoneCommand command = mine(deviceId, commandId);
        if (command.getAcknowledgedAt() == null
                && (command.getState() == CommandState.QUEUED || command.getState() == CommandState.CANCELLED)) {
            fireAcknowledged(command);
        }
        if (command.complete(succeeded, reason, clock.instant())) {
            fireCompleted(command);
        }
    }

    /** A seed-style phone never acknowledges: a command written to its socket is as acknowledged as it gets. */
    void deliveredWithoutAcknowledgement(String commandId) {
        find(commandId).filter(command -> command.acknowledge(clock.instant())).ifPresent(this::fireAcknowledged);
    }

    void unsupported(String commandId) {
        find(commandId).ifPresent(command -> end(command, CommandState.UNSUPPORTED, "the phone's protocol cannot"));
    }

    boolean cancel(String commandId) {
        return find(commandId)
                .filter(command -> command.getState() == CommandState.QUEUED)
                .map(command -> end(command, CommandState.CANCELLED, null))
                .orElse(false);
    }

    /**
     * A command stored by an earlier transaction. Without writing out the changes pending in this one first: the
     * report writer looks up hundreds of commands in one transaction.
     */
    Optional<PhoneCommand> find(String commandId) {
        @SuppressWarnings("unchecked")
        Map<String, PhoneCommand> loaded = (Map<String, PhoneCommand>) transaction.getResource(LOADED);
        if (loaded != null && loaded.containsKey(commandId)) {
            return Optional.of(loaded.get(commandId));
        }
        return em.createNamedQuery(PhoneCommand.BY_COMMAND_ID, PhoneCommand.class)
                .setParameter("commandId", commandId)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream()
                .findFirst();
    }

    private PhoneCommand mine(long deviceId, String commandId) {
        return find(commandId)
                .filter(command -> command.getDeviceId() == deviceId)
                .orElseThrow(() -> new FrameError(
                        Frame.ErrorCode.UNKNOWN_COMMAND, null, "ref", "no command " + commandId + " for this phone"));
    }

    private boolean end(PhoneCommand command, CommandState state, String reason) {
        if (command.fail(state, reason, clock.instant())) {
            fireCompleted(command);
            return true;
        }
        return false;
    }

    private void fireAcknowledged(PhoneCommand command) {
        acknowledged.fire(new CommandAcknowledged(
                command.getDeviceId(), command.getCommandId(), command.getAction(), command.getReference()));
    }

    private void fireCompleted(PhoneCommand command) {
        completed.fire(new CommandCompleted(
                command.getDeviceId(),
                command.getCommandId(),
                command.getAction(),
                command.getReference(),
                command.getState(),
                command.getFailureReason()));
    }
}
