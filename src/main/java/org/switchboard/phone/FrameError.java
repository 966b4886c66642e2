package org.switchboard.phone;

/** A frame the server cannot act on; the phone gets an {@code error} frame and the connection stays open. */
class FrameError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Frame.ErrorCode code;
    private final String frameId;
    private final String field;

    FrameError(Frame.ErrorCode code, String frameId, String field, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.frameId = frameId;
        this.field = field;
    }

    Frame.ErrorCode code() {
        return code;
    }

    String frameId() {
        return frameId;
    }

    String field() {
        return field;
    }
}
