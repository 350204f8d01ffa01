package dev.funnel.backend.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardTextTest {

    @Test
    void aPlaceLinksToItsCoordinatesOnAMap() {
        MessageContent place = new MessageContent.Location(37.4611978, -122.2164385, "Facebook HQ",
                "1 Hacker Way", "https://maps.google.com/?cid=2");

        assertThat(CardText.locationUrl(place)).isEqualTo(
                "https://www.openstreetmap.org/?mlat=37.4611978&mlon=-122.2164385#map=17/37.4611978/-122.2164385");
    }

    @Test
    void aPlaceWithoutCoordinatesKeepsOnlyAnHttpsLink() {
        assertThat(CardText.locationUrl(new MessageContent.Location(null, null, "Cafe", null,
                "https://maps.google.com/?cid=2"))).isEqualTo("https://maps.google.com/?cid=2");
        assertThat(CardText.locationUrl(new MessageContent.Location(null, null, "Cafe", null,
                "javascript:alert(1)"))).isNull();
        assertThat(CardText.locationUrl(new MessageContent.Text("hi"))).isNull();
    }

    @Test
    void contactCardsAreALineEachWithTheirNumbers() {
        MessageContent cards = new MessageContent.Contacts(List.of(
                new MessageContent.ContactCard("Chandler Bing", List.of("+1 555-555-5555"), List.of("c@example.com"),
                        "Acme"),
                new MessageContent.ContactCard(null, List.of("+1 666-666-6666"), List.of(), null)));

        assertThat(CardText.contactLines(cards)).isEqualTo(
                "Chandler Bing · +1 555-555-5555 · c@example.com · Acme\n(no name) · +1 666-666-6666");
    }
}
