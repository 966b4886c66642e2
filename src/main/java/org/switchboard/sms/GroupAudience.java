package org.switchboard.sms;

/** Who of a chosen group an SMS goes to: its members, the guardians linked to them, or both. */
public enum GroupAudience {
    MEMBERS(true, false),
    GUARDIANS(false, true),
    BOTH(true, true);

    private final boolean members;
    private final boolean guardians;

    GroupAudience(boolean members, boolean guardians) {
        this.members = members;
        this.guardians = guardians;
    }

    public boolean reachesMembers() {
        return members;
    }

    public boolean reachesGuardians() {
        return guardians;
    }
}
