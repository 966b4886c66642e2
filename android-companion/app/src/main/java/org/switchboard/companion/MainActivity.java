package org.switchboard.companion;

import android.Manifest;
import android.annotation.TargetApi;
import android.app.Activity;
import android.app.AlertDialog;
import android.app.role.RoleManager;
import android.content.Intent;
import android.net.Uri;
import android.os.Build;
import android.os.Bundle;
import android.provider.Settings;
import android.telecom.TelecomManager;
import android.text.InputType;
import android.widget.Button;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.ScrollView;
import android.widget.TextView;
import android.widget.Toast;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.companion.core.CompanionClient;
import org.switchboard.companion.core.DeviceStatus;

/** Pairing when the phone is not paired yet, the gateway's status once it is; the kiosk and its exit. */
public final class MainActivity extends Activity {

    /** The guided order: SMS first, then calls, then the rest. */
    static final String[] PERMISSIONS = {
        Manifest.permission.SEND_SMS,
        Manifest.permission.RECEIVE_SMS,
        Manifest.permission.READ_SMS,
        Manifest.permission.READ_PHONE_STATE,
        Manifest.permission.CALL_PHONE,
        Manifest.permission.ANSWER_PHONE_CALLS,
        Manifest.permission.READ_CALL_LOG,
        Manifest.permission.READ_PHONE_NUMBERS,
        Manifest.permission.READ_CONTACTS
    };

    private CompanionSettings settings;
    private LinearLayout content;
    private final Runnable refresh = () -> runOnUiThread(this::render);

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        settings = new CompanionSettings(this);
        ScrollView scroll = new ScrollView(this);
        content = new LinearLayout(this);
        content.setOrientation(LinearLayout.VERTICAL);
        content.setPadding(32, 32, 32, 32);
        scroll.addView(content);
        setContentView(scroll);
        Uri link = getIntent() == null ? null : getIntent().getData();
        render();
        if (link != null && settings.pairing() == null) {
            EditText field = content.findViewWithTag("link");
            if (field != null) {
                field.setText(link.toString());
            }
        }
    }

    @Override
    protected void onResume() {
        super.onResume();
        CompanionService.OBSERVERS.add(refresh);
        CompanionService.start(this);
        render();
    }

    @Override
    protected void onPause() {
        CompanionService.OBSERVERS.remove(refresh);
        super.onPause();
    }

    private void render() {
        content.removeAllViews();
        if (settings.pairing() == null) {
            renderPairing();
        } else {
            renderStatus();
        }
    }

    private void renderPairing() {
        text(getString(R.string.pairing_title), 22);
        EditText link = new EditText(this);
        link.setTag("link");
        link.setHint(R.string.pairing_hint);
        content.addView(link);
        EditText password = new EditText(this);
        password.setTag("password");
        password.setHint(R.string.exit_password_hint);
        password.setInputType(InputType.TYPE_CLASS_TEXT | InputType.TYPE_TEXT_VARIATION_PASSWORD);
        content.addView(password);
        button(
                R.string.pairing_button,
                () -> pair(link.getText().toString(), password.getText().toString()));
        button(R.string.permissions_button, this::askPermissions);
    }

    void pair(String link, String password) {
        if (password.length() < org.switchboard.companion.core.ExitPassword.MINIMUM_LENGTH) {
            Toast.makeText(this, R.string.exit_password_too_short, Toast.LENGTH_LONG)
                    .show();
            return;
        }
        try {
            settings.pair(link, password);
        } catch (IllegalArgumentException e) {
            Toast.makeText(this, R.string.pairing_invalid, Toast.LENGTH_LONG).show();
            return;
        }
        CompanionService.start(this);
        render();
    }

    private void renderStatus() {
        text(getString(R.string.status_title), 22);
        CompanionClient client = CompanionService.client(this);
        CompanionClient.State state = client == null ? CompanionClient.State.STOPPED : client.state();
        text(getString(stateText(state)), 18);
        text(getString(R.string.label_server, settings.pairing().server().toString()), 14);
        if (client != null && client.deviceName() != null) {
            text(getString(R.string.label_device, client.deviceName()), 14);
        }
        if (client != null
                && state != CompanionClient.State.CONNECTED
                && !client.detail().isEmpty()) {
            text(getString(R.string.label_reason, client.detail()), 14);
        }
        DeviceStatus status = new AndroidTelephony(this, AndroidTelephony.SYSTEM_SMS_MANAGERS).status();
        if (status.batteryLevel != null) {
            text(getString(R.string.label_battery, status.batteryLevel), 14);
        }
        List<String> sims = new ArrayList<>();
        if (status.sims != null) {
            for (DeviceStatus.Sim sim : status.sims) {
                sims.add((sim.slot + 1) + (sim.carrier == null ? "" : " " + sim.carrier));
            }
        }
        text(getString(R.string.label_sims, sims.isEmpty() ? getString(R.string.no_sim) : String.join(", ", sims)), 14);
        if (client != null) {
            text(getString(R.string.label_pending, client.pendingReports()), 14);
            text(getString(R.string.label_commands), 16);
            for (CompanionClient.CommandRecord command : client.recentCommands()) {
                String name = command.action + " " + command.receivedAt;
                text(
                        command.outcome == null
                                ? getString(R.string.command_running, name)
                                : "OK".equals(command.outcome)
                                        ? getString(R.string.command_ok, name)
                                        : getString(R.string.command_failed, name, command.outcome),
                        13);
            }
        }
        button(R.string.permissions_button, this::askPermissions);
        button(R.string.dialer_button, this::askDialerRole);
        button(R.string.battery_button, this::askBatteryExemption);
        button(R.string.kiosk_start, this::enterKiosk);
        button(R.string.kiosk_exit, () -> withExitPassword(() -> {}));
        button(R.string.unpair_button, () -> withExitPassword(this::unpair));
    }

    private static int stateText(CompanionClient.State state) {
        switch (state) {
            case CONNECTING:
                return R.string.state_connecting;
            case CONNECTED:
                return R.string.state_connected;
            case WAITING:
                return R.string.state_waiting;
            case REFUSED:
                return R.string.state_refused;
            case REPLACED:
                return R.string.state_replaced;
            default:
                return R.string.state_stopped;
        }
    }

    private void askPermissions() {
        List<String> wanted = new ArrayList<>(List.of(PERMISSIONS));
        if (Build.VERSION.SDK_INT >= 33) {
            wanted.add(Manifest.permission.POST_NOTIFICATIONS);
        }
        requestPermissions(wanted.toArray(new String[0]), 1);
    }

    private void askDialerRole() {
        if (Build.VERSION.SDK_INT >= 29) {
            askDialerRoleOf29();
        } else {
            startActivity(new Intent(TelecomManager.ACTION_CHANGE_DEFAULT_DIALER)
                    .putExtra(TelecomManager.EXTRA_CHANGE_DEFAULT_DIALER_PACKAGE_NAME, getPackageName()));
        }
    }

    @TargetApi(29)
    private void askDialerRoleOf29() {
        RoleManager roles = getSystemService(RoleManager.class);
        startActivityForResult(roles.createRequestRoleIntent(RoleManager.ROLE_DIALER), 2);
    }

    private void askBatteryExemption() {
        startActivity(new Intent(Settings.ACTION_REQUEST_IGNORE_BATTERY_OPTIMIZATIONS)
                .setData(Uri.parse("package:" + getPackageName())));
    }

    private void enterKiosk() {
        Kiosk.Mode mode = Kiosk.enter(this);
        Toast.makeText(
                        this,
                        mode == Kiosk.Mode.LOCKED ? R.string.kiosk_device_owner : R.string.kiosk_screen_pinning,
                        Toast.LENGTH_LONG)
                .show();
    }

    /** Leaves kiosk mode, then does {@code after}, once the exit password is given. */
    private void withExitPassword(Runnable after) {
        EditText password = new EditText(this);
        password.setInputType(InputType.TYPE_CLASS_TEXT | InputType.TYPE_TEXT_VARIATION_PASSWORD);
        new AlertDialog.Builder(this)
                .setTitle(R.string.kiosk_exit_prompt)
                .setView(password)
                .setPositiveButton(android.R.string.ok, (dialog, which) -> {
                    if (Kiosk.exit(this, settings, password.getText().toString())) {
                        after.run();
                    } else {
                        Toast.makeText(this, R.string.kiosk_wrong_password, Toast.LENGTH_LONG)
                                .show();
                    }
                })
                .setNegativeButton(android.R.string.cancel, null)
                .show();
    }

    private void unpair() {
        stopService(new Intent(this, CompanionService.class));
        CompanionService.forget();
        settings.unpair();
        render();
    }

    private void text(String value, int size) {
        TextView view = new TextView(this);
        view.setText(value);
        view.setTextSize(size);
        content.addView(view);
    }

    private void button(int label, Runnable action) {
        Button button = new Button(this);
        button.setText(label);
        button.setOnClickListener(view -> action.run());
        content.addView(button);
    }
}
