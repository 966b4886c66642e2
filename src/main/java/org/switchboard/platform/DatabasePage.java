package org.switchboard.platform;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces table model that reads one page at a time from the database, through a count and a load the view
 * supplies. Filtering and sorting are the view's own (its query), not the table's.
 */
public class DatabasePage<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** How many rows the current query matches. */
    @FunctionalInterface
    public interface Count extends Serializable {
        long count();
    }

    /** The rows from {@code first}, at most {@code size} of them. */
    @FunctionalInterface
    public interface Load<T> extends Serializable {
        List<T> load(int first, int size);
    }

    /** The row's key in the table. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Count count;
    private final Load<T> load;
    private final Key<T> key;

    public DatabasePage(Count count, Load<T> load, Key<T> key) {
        this.count = count;
        this.load = load;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(count.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return load.load(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    /** Rows are not selectable by key: the tables open a row through its own link. */
    @Override
    public T getRowData(String rowKey) {
        return null;
    }
}
