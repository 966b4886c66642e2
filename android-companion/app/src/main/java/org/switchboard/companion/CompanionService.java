package org.switchboard.companion;

import android.annotation.TargetApi;
import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.app.Service;
import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.content.IntentFilter;
import android.content.pm.ServiceInfo;
import android.net.ConnectivityManager;
import android.net.Network;
import android.os.Build;
import android.os.IBinder;
import java.io.File;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.companion.core.CompanionClient;
import org.switchboard.companion.core.DeviceStatus;
import org.switchboard.companion.core.PairingLink;
import org.switchboard.companion.core.Reports;
import org.switchboard.companion.core.WebSocketTransport;

/**
 * The foreground service that keeps the gateway connected. The client itself lives as long as the process, so that
 * the receivers (SMS sent and delivered, incoming SMS, calls) can hand their reports to its durable queue even while
 * the service is being restarted.
 */
public final class CompanionService extends Service {

    private static final String CHANNEL = "gateway";
    private static final int NOTIFICATION = 1;

    /** Screens watching the client; told on the client's thread. */
    static final List<Runnable> OBSERVERS = new CopyOnWriteArrayList<>();

    private static CompanionClient client;
    private static boolean started;

    /** The process's client, created on first use; null while the phone is not paired. */
    static synchronized CompanionClient client(Context context) {
        if (client == null) {
            PairingLink pairing = new CompanionSettings(context).pairing();
            if (pairing == null) {
                return null;
            }
            Context application = context.getApplicationContext();
            client = new CompanionClient(
                    pairing,
                    new CompanionClient.Identity(
                            BuildInfo.versionName(application),
                            Build.VERSION.RELEASE,
                            Build.MANUFACTURER + " " + Build.MODEL),
                    new File(application.getFilesDir(), "gateway").toPath(),
                    new AndroidTelephony(application, AndroidTelephony.SYSTEM_SMS_MANAGERS),
                    new WebSocketTransport(),
                    Clock.systemUTC(),
                    new SecureRandom(),
                    new CompanionClient.Timing(),
                    new CompanionClient.Listener() {
                        @Override
                        public void stateChanged(CompanionClient.State state, String detail) {
                            notifyObservers();
                        }

                        @Override
                        public void commandsChanged() {
                            notifyObservers();
                        }
                    });
        }
        return client;
    }

    /** Where receivers put their reports; null while the phone is not paired. */
    static Reports reports(Context context) {
        return client(context);
    }

    /** Forgets the pairing's client (after unpairing). */
    static synchronized void forget() {
        if (client != null) {
            client.close();
            client = null;
            started = false;
        }
    }

    static void start(Context context) {
        if (new CompanionSettings(context).pairing() != null) {
            context.startForegroundService(new Intent(context, CompanionService.class));
        }
    }

    private static void notifyObservers() {
        for (Runnable observer : OBSERVERS) {
            observer.run();
        }
    }

    @Override
    public void onCreate() {
        super.onCreate();
        NotificationManager notifications = getSystemService(NotificationManager.class);
        notifications.createNotificationChannel(new NotificationChannel(
                CHANNEL, getString(R.string.notification_channel), NotificationManager.IMPORTANCE_LOW));
        Notification notification = new Notification.Builder(this, CHANNEL)
                .setSmallIcon(R.drawable.ic_launcher)
                .setContentTitle(getString(R.string.app_name))
                .setContentText(getString(R.string.notification_text, getString(R.string.state_connecting)))
                .setOngoing(true)
                .setContentIntent(PendingIntent.getActivity(
                        this, 0, new Intent(this, MainActivity.class), PendingIntent.FLAG_IMMUTABLE))
                .build();
        if (Build.VERSION.SDK_INT >= 34) {
            startForegroundSpecialUse(notification);
        } else {
            startForeground(NOTIFICATION, notification);
        }
        registerReceiver(battery, new IntentFilter(Intent.ACTION_BATTERY_CHANGED));
        getSystemService(ConnectivityManager.class).registerDefaultNetworkCallback(network);
    }

    /** Battery changes worth telling the server: 5 points or more, or the charger plugged in or out. */
    private final BroadcastReceiver battery = new BroadcastReceiver() {
        private Integer reportedLevel;
        private Boolean reportedCharging;

        @Override
        public void onReceive(Context context, Intent intent) {
            CompanionClient current = client(context);
            if (current == null) {
                return;
            }
            DeviceStatus status = new AndroidTelephony(context, AndroidTelephony.SYSTEM_SMS_MANAGERS).status();
            if (status.batteryLevel == null) {
                return;
            }
            boolean changed = reportedLevel == null
                    || Math.abs(status.batteryLevel - reportedLevel) >= 5
                    || !status.charging.equals(reportedCharging);
            if (changed) {
                reportedLevel = status.batteryLevel;
                reportedCharging = status.charging;
                current.status(status);
            }
        }
    };

    /** A network came back: no need to wait for the rest of the backoff. */
    private final ConnectivityManager.NetworkCallback network = new ConnectivityManager.NetworkCallback() {
        @Override
        public void onAvailable(Network available) {
            CompanionClient current = client(CompanionService.this);
            if (current != null) {
                current.reconnectNow();
            }
        }
    };

    @Override
    public void onDestroy() {
        unregisterReceiver(battery);
        getSystemService(ConnectivityManager.class).unregisterNetworkCallback(network);
        super.onDestroy();
    }

    @TargetApi(34)
    private void startForegroundSpecialUse(Notification notification) {
        startForeground(NOTIFICATION, notification, ServiceInfo.FOREGROUND_SERVICE_TYPE_SPECIAL_USE);
    }

    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        synchronized (CompanionService.class) {
            CompanionClient current = client(this);
            if (current == null) {
                stopSelf();
                return START_NOT_STICKY;
            }
            if (!started) {
                current.start();
                started = true;
            }
        }
        return START_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
