package org.switchboard.contact;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.DatabasePage;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;
import org.switchboard.security.Role;

/** The groups page: create and rename groups, list, add and remove members. Viewers only look. */
@Named
@ViewScoped
public class GroupsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int CANDIDATES_SHOWN = 10;

    @Inject
    private ContactService contacts;

    @Inject
    private CurrentUser currentUser;

    private List<ContactGroup> groups;
    private Map<Long, Long> counts;
    private ContactGroup selected;
    private String newName;
    private String rename;
    private Contact candidate;

    private final DatabasePage<Contact> members = new DatabasePage<>(
            () -> selected == null ? 0 : contacts.count(new ContactQuery(null, selected.getId())),
            (first, size) -> selected == null ? List.of() : contacts.members(selected.getId(), first, size),
            Contact::getId);

    public List<ContactGroup> getGroups() {
        if (groups == null) {
            groups = contacts.groups();
            counts = contacts.memberCounts();
        }
        return groups;
    }

    public long count(ContactGroup group) {
        getGroups();
        return counts.getOrDefault(group.getId(), 0L);
    }

    public boolean isEditor() {
        return currentUser.getRole() != Role.VIEWER;
    }

    public void select(ContactGroup group) {
        selected = group;
        rename = group.getName();
    }

    public void create() {
        if (mayEdit()) {
            try {
                select(contacts.createGroup(currentUser.getUsername(), newName));
                newName = null;
                groups = null;
            } catch (InvalidInputException e) {
                Messages.error(e);
            }
        }
    }

    public void saveName() {
        if (mayEdit() && selected != null) {
            try {
                selected = contacts.renameGroup(currentUser.getUsername(), selected.getId(), rename);
                groups = null;
            } catch (InvalidInputException e) {
                Messages.error(e);
            }
        }
    }

    /** Deletes the selected group; its members stay in the directory. */
    public void delete() {
        if (mayEdit() && selected != null) {
            try {
                contacts.deleteGroup(currentUser, selected.getId());
                selected = null;
                groups = null;
            } catch (InvalidInputException e) {
                Messages.error(e);
            }
        }
    }

    public DatabasePage<Contact> getMembers() {
        return members;
    }

    /** Contacts whose name or number matches what is typed, for the "add member" box. */
    public List<Contact> candidates(String typed) {
        return contacts.search(new ContactQuery(typed, null), 0, CANDIDATES_SHOWN);
    }

    public void addCandidate() {
        if (mayEdit() && selected != null && candidate != null) {
            contacts.addMember(currentUser.getUsername(), selected.getId(), candidate.getId());
            candidate = null;
            groups = null;
        }
    }

    public void remove(Contact member) {
        if (mayEdit() && selected != null) {
            contacts.removeMember(currentUser.getUsername(), selected.getId(), member.getId());
            groups = null;
        }
    }

    private boolean mayEdit() {
        if (!isEditor()) {
            Messages.error("groups.readOnly");
            return false;
        }
        return true;
    }

    public ContactGroup getSelected() {
        return selected;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getRename() {
        return rename;
    }

    public void setRename(String rename) {
        this.rename = rename;
    }

    public Contact getCandidate() {
        return candidate;
    }

    public void setCandidate(Contact candidate) {
        this.candidate = candidate;
    }
}
