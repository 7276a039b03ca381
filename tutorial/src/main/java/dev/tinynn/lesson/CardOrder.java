package dev.tinynn.lesson;

import java.util.List;

/**
 * Put the cards in the order the steps happen.
 *
 * @param cards the cards as shown, shuffled
 * @param right the card indices (0-based) in the right order
 * @param reasons for each place in the right order, why that step comes there
 * @param summary the whole order in one sentence, shown after the answer
 */
public record CardOrder(String key, int page, String question, List<String> cards, List<Integer> right,
        List<String> reasons, String summary) implements Exercise {

    public CardOrder {
        cards = List.copyOf(cards);
        right = List.copyOf(right);
        reasons = List.copyOf(reasons);
    }

    /** A card's name: its text up to the colon ("Forward pass"). */
    public String name(int card) {
        String text = cards.get(card);
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(0, colon);
    }

    /** Whether {@code chosen} holds every card exactly once. */
    public boolean isOrder(List<Integer> chosen) {
        return chosen != null && chosen.size() == cards.size() && chosen.stream().distinct().count() == cards.size()
                && chosen.stream().allMatch(c -> c != null && c >= 0 && c < cards.size());
    }
}
