package dev.funnel.console.settings;

import dev.funnel.console.backend.AuthResult;
import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.OrganisationSettings;
import dev.funnel.console.backend.OrganisationSettingsUpdate;
import dev.funnel.console.backend.Template;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.FieldProblems;
import dev.funnel.console.common.TaskExecutor;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The organisation's profile, sales playbook, tone and follow-up rules, with the follow-up template
 * ({@link FollowupTemplateViewModel}). Admins edit them; an agent sees them read-only. A problem is shown under its field, whether found here (not a number, half of the
 * quiet hours) or by the server (a 400 naming the fields); the keys are the API's field names.
 */
public final class OrganisationSettingsViewModel {

    public static final String NAME = "name";
    public static final String BUSINESS_PROFILE = "business_profile";
    public static final String SALES_PLAYBOOK = "sales_playbook";
    public static final String TONE = "tone";
    public static final String TIME_ZONE = "time_zone";
    public static final String QUIET_HOURS_START = "quiet_hours_start";
    public static final String QUIET_HOURS_END = "quiet_hours_end";
    public static final String MAX_FOLLOWUPS_24H = "max_followups_24h";
    public static final String MAX_FOLLOWUPS_TOTAL = "max_followups_total";
    public static final String MAX_WORDS = "max_words";
    public static final String MIN_CONFIDENCE = "min_confidence";
    public static final String FOLLOWUP_CADENCE = "followup_cadence_minutes";
    public static final String GHOSTED_AFTER_HOURS = "ghosted_after_hours";
    /** Problems only: the follow-up template's values are in {@link #followupTemplate()}. */
    public static final String FOLLOWUP_TEMPLATE = "followup_template";
    public static final String READ_ONLY_NOTE = "Only an admin of your organisation can change these settings.";

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Map<String, String> NAMES_IN_WORDS = Map.of(
            FOLLOWUP_CADENCE, "the follow-up cadence",
            QUIET_HOURS_START, "the start of the quiet hours",
            QUIET_HOURS_END, "the end of the quiet hours",
            GHOSTED_AFTER_HOURS, "ghosted after");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\s]+");

    private final BackendClient client;
    private final TaskExecutor executor;
    private final boolean admin;

    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> problems = new LinkedHashMap<>();
    private final ObservableList<String> timeZones = FXCollections.observableArrayList(
            ZoneId.getAvailableZoneIds().stream().sorted().toList());
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty saved = new SimpleStringProperty("");
    private final BooleanBinding canSave;
    private final FollowupTemplateViewModel followupTemplate;

    /** What the screen shows: the settings, and the organisation's templates (null: those shown already). */
    private record Loaded(OrganisationSettings settings, List<Template> templates) {
    }

    public OrganisationSettingsViewModel(BackendClient client, TaskExecutor executor, AuthResult session) {
        this.client = client;
        this.executor = executor;
        this.admin = "admin".equals(session.user().role());
        for (String field : List.of(NAME, BUSINESS_PROFILE, SALES_PLAYBOOK, TONE, TIME_ZONE, QUIET_HOURS_START,
                QUIET_HOURS_END, MAX_FOLLOWUPS_24H, MAX_FOLLOWUPS_TOTAL, MAX_WORDS, MIN_CONFIDENCE, FOLLOWUP_CADENCE,
                GHOSTED_AFTER_HOURS)) {
            values.put(field, new SimpleStringProperty(""));
            problems.put(field, new SimpleStringProperty(""));
        }
        problems.put(FOLLOWUP_TEMPLATE, new SimpleStringProperty(""));
        followupTemplate = new FollowupTemplateViewModel(values.get(NAME));
        canSave = Bindings.createBooleanBinding(() -> admin && loaded.get() && !busy.get(), loaded, busy);
    }

    public void load() {
        run(() -> new Loaded(client.organisationSettings(), client.templates()), false);
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        clearMessages();
        Map<String, String> found = new LinkedHashMap<>();
        OrganisationSettingsUpdate update = update(found);
        if (!found.isEmpty()) {
            found.forEach((field, problem) -> problems.get(field).set(problem));
            error.set("Please correct the marked fields.");
            return;
        }
        run(() -> new Loaded(client.saveOrganisationSettings(update), null), true);
    }

    private void run(Callable<Loaded> call, boolean saving) {
        busy.set(true);
        clearMessages();
        executor.execute(call, shown -> {
            busy.set(false);
            show(shown.settings());
            followupTemplate.show(shown.settings().followupTemplate(), shown.templates());
            loaded.set(true);
            if (saving) {
                saved.set("Saved. The bot uses these settings from its next reply.");
            }
        }, failure -> {
            busy.set(false);
            Map<String, String> byField = FieldProblems.of(failure);
            byField.forEach((field, problem) -> {
                if (problems.containsKey(field)) {
                    problems.get(field).set(inWords(problem));
                }
            });
            error.set(byField.isEmpty() || !problems.keySet().containsAll(byField.keySet())
                    ? ErrorMessages.describe(failure) : "Please correct the marked fields.");
        });
    }

    /** The server's sentence with the other fields it mentions named as the form names them. */
    private static String inWords(String problem) {
        String text = problem;
        for (Map.Entry<String, String> name : NAMES_IN_WORDS.entrySet()) {
            text = text.replace(name.getKey(), name.getValue());
        }
        // the sentences start with the follow-up template's own fields, capitalised ("Followup_template.body")
        return text.replaceAll("(?i)" + FOLLOWUP_TEMPLATE + "\\.template_id", "The template")
                .replaceAll("(?i)" + FOLLOWUP_TEMPLATE + "\\.name_fallback", "The word for an unknown name")
                .replaceAll("(?i)" + FOLLOWUP_TEMPLATE + "\\.", "The template's ");
    }

    private void clearMessages() {
        error.set("");
        saved.set("");
        problems.values().forEach(problem -> problem.set(""));
    }

    private void show(OrganisationSettings s) {
        value(NAME).set(s.name());
        value(BUSINESS_PROFILE).set(text(s.businessProfile()));
        value(SALES_PLAYBOOK).set(text(s.salesPlaybook()));
        value(TONE).set(s.tone());
        value(TIME_ZONE).set(s.timeZone());
        value(QUIET_HOURS_START).set(text(s.quietHoursStart()));
        value(QUIET_HOURS_END).set(text(s.quietHoursEnd()));
        value(MAX_FOLLOWUPS_24H).set(String.valueOf(s.maxFollowups24h()));
        value(MAX_FOLLOWUPS_TOTAL).set(String.valueOf(s.maxFollowupsTotal()));
        value(MAX_WORDS).set(String.valueOf(s.maxWords()));
        value(MIN_CONFIDENCE).set(BigDecimal.valueOf(s.minConfidence()).stripTrailingZeros().toPlainString());
        value(FOLLOWUP_CADENCE).set(s.followupCadenceMinutes().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")));
        value(GHOSTED_AFTER_HOURS).set(String.valueOf(s.ghostedAfterHours()));
    }

    /** What the form says, or problems in {@code found} for what cannot be sent at all. */
    private OrganisationSettingsUpdate update(Map<String, String> found) {
        required(NAME, found);
        required(TONE, found);
        String zone = value(TIME_ZONE).get() == null ? "" : value(TIME_ZONE).get().strip();
        if (!timeZones.contains(zone)) {
            found.put(TIME_ZONE, "Choose a time zone from the list, e.g. Europe/Berlin");
        }
        String quietStart = optional(QUIET_HOURS_START);
        String quietEnd = optional(QUIET_HOURS_END);
        timeOfDay(QUIET_HOURS_START, quietStart, "22:00", found);
        timeOfDay(QUIET_HOURS_END, quietEnd, "08:00", found);
        if ((quietStart == null) != (quietEnd == null)) {
            found.putIfAbsent(quietStart == null ? QUIET_HOURS_START : QUIET_HOURS_END,
                    "Give both times, or leave both empty for no quiet hours");
        }
        int perDay = wholeNumber(MAX_FOLLOWUPS_24H, found);
        int total = wholeNumber(MAX_FOLLOWUPS_TOTAL, found);
        int maxWords = wholeNumber(MAX_WORDS, found);
        double minConfidence = decimal(MIN_CONFIDENCE, found);
        List<Integer> cadence = minutes(found);
        int ghostedAfter = wholeNumber(GHOSTED_AFTER_HOURS, found);
        return new OrganisationSettingsUpdate(value(NAME).get().strip(), optional(BUSINESS_PROFILE),
                optional(SALES_PLAYBOOK), value(TONE).get().strip(), zone, quietStart, quietEnd, perDay, total,
                maxWords, minConfidence, cadence, ghostedAfter, followupTemplate.value(found, FOLLOWUP_TEMPLATE));
    }

    private void required(String field, Map<String, String> found) {
        if (optional(field) == null) {
            found.put(field, "Required");
        }
    }

    private static void timeOfDay(String field, String time, String example, Map<String, String> found) {
        if (time != null && !HH_MM.matcher(time).matches()) {
            found.put(field, "A time of day as HH:mm, e.g. " + example);
        }
    }

    private int wholeNumber(String field, Map<String, String> found) {
        try {
            return Integer.parseInt(value(field).get().strip());
        } catch (NumberFormatException e) {
            found.put(field, "A whole number, e.g. " + (field.equals(GHOSTED_AFTER_HOURS) ? "48" : "3"));
            return 0;
        }
    }

    private double decimal(String field, Map<String, String> found) {
        try {
            return Double.parseDouble(value(field).get().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            found.put(field, "A number from 0 to 1, e.g. 0.6");
            return 0;
        }
    }

    private List<Integer> minutes(Map<String, String> found) {
        List<Integer> minutes = new ArrayList<>();
        String text = value(FOLLOWUP_CADENCE).get().strip();
        if (text.isEmpty()) {
            return minutes;
        }
        try {
            for (String item : LIST_SEPARATOR.split(text)) {
                minutes.add(Integer.parseInt(item));
            }
        } catch (NumberFormatException e) {
            found.put(FOLLOWUP_CADENCE, "Minutes after the lead's last message, separated by commas, e.g. 10, 180, 360");
        }
        return minutes;
    }

    private String optional(String field) {
        String text = value(field).get();
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private StringProperty value(String field) {
        return values.get(field);
    }

    /** The text of the field named {@code field} (one of the constants above). */
    public StringProperty valueProperty(String field) {
        return values.get(field);
    }

    /** The problem shown under {@code field}, empty when there is none. */
    public ReadOnlyStringProperty problemProperty(String field) {
        return problems.get(field);
    }

    public FollowupTemplateViewModel followupTemplate() {
        return followupTemplate;
    }

    public ObservableList<String> timeZones() {
        return timeZones;
    }

    public boolean editable() {
        return admin;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty savedProperty() {
        return saved;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
