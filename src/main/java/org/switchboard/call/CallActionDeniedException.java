package org.switchboard.call;

import org.switchboard.platform.InvalidInputException;

/**
 * A user acting on a call that is not theirs to act on. {@link CallService} records the attempt in the audit trail
 * as DENIED before it throws this, and commits that record: nothing else has changed by then.
 */
public class CallActionDeniedException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    CallActionDeniedException(String messageKey, Object... arguments) {
        super("call", messageKey, arguments);
    }
}
