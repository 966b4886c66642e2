package org.switchboard.companion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.robolectric.Shadows.shadowOf;

import android.app.Application;
import android.content.Intent;
import android.content.pm.ServiceInfo;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

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
