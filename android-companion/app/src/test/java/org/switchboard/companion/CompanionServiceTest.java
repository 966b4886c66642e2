package org.switchboard.companion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.robolectric.Shadows.shadowOf;

import android.app.Application;
import android.content.Intent;
import android.content.pm.ServiceInfo;
import android.os.BatteryManager;
import android.os.Looper;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.switchboard.companion.core.Frames;

/** The foreground service with the type Android 14 allows, and the boot receiver that brings it back. */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 34)
public class CompanionServiceTest {

    private static final String LINK = "switchboard://pair?server=ws%3A%2F%2F127.0.0.1%3A9%2Fws%2Fphone"
            + "&token=sbp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    private final Application application = RuntimeEnvironment.getApplication();

    @After
    public void forgetClient() {
        CompanionService.forget();
    }

    @Test
    public void theServiceRunsInTheForegroundAsSpecialUse() {
        new CompanionSettings(application).pair(LINK, "secretariat-2026");
        CompanionService service =
                Robolectric.buildService(CompanionService.class).create().get();

        assertEquals(ServiceInfo.FOREGROUND_SERVICE_TYPE_SPECIAL_USE, service.getForegroundServiceType());
        assertNotNull(shadowOf(service).getLastForegroundNotification());
    }

    @Test
    public void batteryChangesOfFivePointsOrTheChargerAreReportedToTheServer() {
        new CompanionSettings(application).pair(LINK, "secretariat-2026");
        Robolectric.buildService(CompanionService.class).create();

        battery(80, false);
        battery(78, false);
        battery(75, false);
        battery(75, true);

        List<String> reported = new ArrayList<>();
        for (String frame : CompanionService.client(application).pendingReportFrames()) {
            Frames.Frame status = Frames.parse(frame);
            if (status.action().equals("status")) {
                reported.add(status.data().get("battery").toString());
            }
        }
        assertEquals(
                List.of(
                        "{\"level\":80,\"charging\":false}",
                        "{\"level\":75,\"charging\":false}",
                        "{\"level\":75,\"charging\":true}"),
                reported);
    }

    private void battery(int level, boolean charging) {
        application.sendStickyBroadcast(new Intent(Intent.ACTION_BATTERY_CHANGED)
                .putExtra(BatteryManager.EXTRA_LEVEL, level)
                .putExtra(BatteryManager.EXTRA_SCALE, 100)
                .putExtra(BatteryManager.EXTRA_PLUGGED, charging ? BatteryManager.BATTERY_PLUGGED_AC : 0));
        shadowOf(Looper.getMainLooper()).idle();
    }

    @Test
    public void afterABootThePairedGatewayStartsAgainButAnUnpairedOneDoesNot() {
        new BootReceiver().onReceive(application, new Intent(Intent.ACTION_BOOT_COMPLETED));
        assertNull(shadowOf(application).getNextStartedService());

        new CompanionSettings(application).pair(LINK, "secretariat-2026");
        new BootReceiver().onReceive(application, new Intent(Intent.ACTION_BOOT_COMPLETED));
        assertEquals(
                CompanionService.class.getName(),
                shadowOf(application).getNextStartedService().getComponent().getClassName());
    }
}
