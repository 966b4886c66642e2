package org.switchboard.i18n;

import java.time.ZoneId;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The school's time zone, {@code switchboard.time-zone} (by default the server's): the one the pages, the CSV exports,
 * the day filters, the scheduled sends and the sending window read times in. A setting rather than the JVM's zone, so
 * that the nodes of a cluster agree however their machines are set up. Read here alone.
 */
public final class SchoolTime {

    public static final String SETTING = "switchboard.time-zone";

    private SchoolTime() {}

    /** @throws java.time.DateTimeException if the setting is not a zone id such as {@code Africa/Tunis} */
    public static ZoneId zone() {
        return ConfigProvider.getConfig()
                .getOptionalValue(SETTING, String.class)
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .map(ZoneId::of)
                .orElseGet(ZoneId::systemDefault);
    }
}
