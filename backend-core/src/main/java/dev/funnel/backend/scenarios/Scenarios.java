package dev.funnel.backend.scenarios;

import static dev.funnel.backend.scenarios.Scenario.Line.bot;
import static dev.funnel.backend.scenarios.Scenario.Line.lead;

import dev.funnel.backend.pipeline.ConversationStage;
import dev.funnel.backend.pipeline.DecisionAction;
import dev.funnel.backend.pipeline.IntentLevel;
import dev.funnel.backend.pipeline.Sentiment;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The situations every model and prompt change is judged on. Faults of the model server (invalid
 * answers, timeouts) are not here: a real model cannot be asked for them; the end-to-end tests inject
 * them into the pricing conversation.
 */
public final class Scenarios {

    public static final Scenario PRICING = new Scenario("pricing", "A new lead asks for the price",
            List.of(lead("Hi, how much does a 5 kW rooftop system cost?")), "",
            ConversationStage.GREETING, IntentLevel.UNKNOWN, Sentiment.NEUTRAL, Duration.ofMinutes(1),
            DecisionAction.SEND_NOW, null);

    public static final Scenario OBJECTION = new Scenario("objection", "The lead finds the price too high",
            List.of(lead("What does a 5 kW system cost?"),
                    bot("A 5 kW system is ₹2,90,000 installed, before a subsidy of up to ₹78,000. What is your"
                            + " monthly electricity bill?"),
                    lead("That's too expensive. A local installer quoted me much less.")),
            "Lead from Pune asked the price of a 5 kW rooftop system; the bot quoted ₹2,90,000 before subsidy and"
                    + " asked about the monthly bill.",
            ConversationStage.PRICING, IntentLevel.MEDIUM, Sentiment.CURIOUS, Duration.ofMinutes(1),
            DecisionAction.SEND_NOW, null);

    public static final Scenario ANGRY_LEAD = new Scenario("angry_lead", "An angry customer complains",
            List.of(lead("When is the installer coming? I paid the deposit two weeks ago."),
                    bot("Thanks for your patience! A colleague will confirm the installation date with you today."),
                    lead("This is ridiculous. Your installer didn't show up twice and nobody answers the phone."
                            + " I want my deposit back NOW.")),
            "Customer booked a 3 kW installation and paid the deposit two weeks ago; asked when the installer"
                    + " comes; the bot said a colleague would confirm the date today.",
            ConversationStage.CLOSED, IntentLevel.HIGH, Sentiment.HESITANT, Duration.ofMinutes(1),
            DecisionAction.HANDOFF_HUMAN, null);

    public static final Scenario WINDOW_CLOSED = new Scenario("window_closed",
            "The lead's last message is older than 24 hours",
            List.of(lead("Is the subsidy offer still on?")), "",
            ConversationStage.GREETING, IntentLevel.UNKNOWN, Sentiment.NEUTRAL, Duration.ofHours(26),
            DecisionAction.WAIT_SCHEDULE, null);

    public static final Scenario ASKS_FOR_HUMAN = new Scenario("asks_for_human", "The lead asks for a person",
            List.of(lead("Do you do 3 kW systems on flat roofs? I'm comparing a few offers."),
                    bot("Yes, a 3 kW system on a flat roof is ₹1,85,000 installed, before the subsidy. What is your"
                            + " monthly electricity bill?"),
                    lead("Can I talk to a real person please? I'd rather discuss this on a call.")),
            "Lead is comparing offers for a 3 kW system on a flat roof; the bot quoted ₹1,85,000 before subsidy"
                    + " and asked about the monthly bill.",
            ConversationStage.QUALIFICATION, IntentLevel.MEDIUM, Sentiment.NEUTRAL, Duration.ofMinutes(1),
            DecisionAction.HANDOFF_HUMAN, null);

    public static final Scenario LOW_CONFIDENCE = new Scenario("low_confidence",
            "A message that cannot be understood without context the bot does not have",
            List.of(lead("same as what my brother got last year?? how long for the other one")), "",
            ConversationStage.GREETING, IntentLevel.UNKNOWN, Sentiment.NEUTRAL, Duration.ofMinutes(1),
            DecisionAction.HANDOFF_HUMAN, null);

    public static final Scenario SPANISH = new Scenario("language_switch_es",
            "The lead switches to Spanish mid-conversation",
            List.of(lead("Hi, do you install on flat roofs?"),
                    bot("Yes, we install on flat roofs with a tilted frame. How big is your roof, roughly?"),
                    lead("Unos 40 metros cuadrados. ¿Tienen financiación? No puedo pagar todo de una vez.")),
            "Lead asked whether flat roofs are possible; the bot said yes and asked the roof size.",
            ConversationStage.QUALIFICATION, IntentLevel.MEDIUM, Sentiment.CURIOUS, Duration.ofMinutes(1),
            DecisionAction.SEND_NOW, "es");

    public static final Scenario HINDI = new Scenario("language_switch_hi",
            "The lead switches to Hindi mid-conversation",
            List.of(lead("Hello, what size system do I need for a 2BHK flat?"),
                    bot("For a 2BHK a 3 kW system usually fits. What is your monthly electricity bill?"),
                    lead("लगभग 3000 रुपये महीना। क्या आप किस्तों में भुगतान की सुविधा देते हैं?")),
            "Lead with a 2BHK flat asked which system size fits; the bot suggested 3 kW and asked the monthly bill.",
            ConversationStage.QUALIFICATION, IntentLevel.MEDIUM, Sentiment.CURIOUS, Duration.ofMinutes(1),
            DecisionAction.SEND_NOW, "hi");

    private static final List<Scenario> ALL = List.of(PRICING, OBJECTION, ANGRY_LEAD, WINDOW_CLOSED, ASKS_FOR_HUMAN,
            LOW_CONFIDENCE, SPANISH, HINDI);

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    /** @throws NoSuchElementException naming the scenarios there are */
    public static Scenario byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new NoSuchElementException(
                "No scenario '" + id + "'; there are " + ALL.stream().map(Scenario::id).toList()));
    }
}
