package dev.funnel.backend.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a document's text into chunks of about {@link #TARGET_WORDS} words along paragraphs and
 * headings: a Markdown heading starts a new chunk and is repeated at the top of each of its chunks
 * (the heading often names what the text is about); a chunk cut for length starts with the previous
 * one's last sentence or two, so an answer on the border is found whole in one of them.
 */
final class Chunker {

    static final int TARGET_WORDS = 200;
    private static final int OVERLAP_WORDS = 40;
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+.*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A chunk of a document; {@code page} is the PDF page it starts on, null for other files. */
    record Chunk(int index, Integer page, String text) {
    }

    /** A heading or a paragraph (or a piece of a long one), on its page. */
    private record Unit(String text, Integer page, boolean heading) {
        int words() {
            return wordCount(text);
        }
    }

    private final List<Chunk> chunks = new ArrayList<>();
    private final List<Unit> body = new ArrayList<>();
    private String heading = "";
    private Integer page;

    private Chunker() {
    }

    static List<Chunk> chunk(List<TextExtractor.Page> pages) {
        Chunker chunker = new Chunker();
        pages.forEach(p -> units(p).forEach(chunker::add));
        chunker.flush(false);
        return chunker.chunks;
    }

    private void add(Unit unit) {
        if (unit.heading()) {
            flush(false);
            heading = unit.text().replaceFirst("^#+\\s*", "");
            return;
        }
        int words = body.stream().mapToInt(Unit::words).sum();
        if (!body.isEmpty() && words + unit.words() > TARGET_WORDS) {
            flush(true);
        }
        if (body.isEmpty()) {
            page = unit.page();
        }
        body.add(unit);
    }

    /** Ends the current chunk; with {@code overlap}, the next one starts with this one's last words. */
    private void flush(boolean overlap) {
        if (body.isEmpty()) {
            return;
        }
        String text = String.join("\n\n", body.stream().map(Unit::text).toList());
        chunks.add(new Chunk(chunks.size(), page, heading.isEmpty() ? text : heading + "\n\n" + text));
        Integer lastPage = body.getLast().page();
        body.clear();
        if (overlap) {
            body.add(new Unit(tail(text), lastPage, false));
            page = lastPage;
        }
    }

    /** The last sentences of {@code text}, at most {@link #OVERLAP_WORDS} words (the last words if one is longer). */
    private static String tail(String text) {
        String[] sentences = SENTENCE_END.split(text);
        List<String> kept = new ArrayList<>();
        int words = 0;
        for (int i = sentences.length - 1; i >= 0; i--) {
            int count = wordCount(sentences[i]);
            if (words + count > OVERLAP_WORDS) {
                break;
            }
            kept.addFirst(sentences[i]);
            words += count;
        }
        if (kept.isEmpty()) {
            String[] all = SPACES.split(text.strip());
            return String.join(" ", Arrays.copyOfRange(all, Math.max(0, all.length - OVERLAP_WORDS), all.length));
        }
        return String.join(" ", kept);
    }

    /** A page's headings and paragraphs; a paragraph longer than a chunk is cut between sentences. */
    private static List<Unit> units(TextExtractor.Page page) {
        List<Unit> units = new ArrayList<>();
        for (String block : PARAGRAPH_BREAK.split(page.text())) {
            StringBuilder paragraph = new StringBuilder();
            for (String line : block.strip().lines().map(String::strip).toList()) {
                if (HEADING.matcher(line).matches()) {
                    addParagraph(units, paragraph, page.number());
                    units.add(new Unit(line, page.number(), true));
                } else if (!line.isEmpty()) {
                    paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
                }
            }
            addParagraph(units, paragraph, page.number());
        }
        return units;
    }

    private static void addParagraph(List<Unit> units, StringBuilder paragraph, Integer page) {
        String text = SPACES.matcher(paragraph).replaceAll(" ").strip();
        paragraph.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        if (wordCount(text) <= TARGET_WORDS) {
            units.add(new Unit(text, page, false));
            return;
        }
        StringBuilder piece = new StringBuilder();
        for (String sentence : SENTENCE_END.split(text)) {
            if (!piece.isEmpty() && wordCount(piece) + wordCount(sentence) > TARGET_WORDS) {
                units.add(new Unit(piece.toString(), page, false));
                piece.setLength(0);
            }
            piece.append(piece.isEmpty() ? "" : " ").append(sentence);
        }
        units.add(new Unit(piece.toString(), page, false));
    }

    private static int wordCount(CharSequence text) {
        String stripped = text.toString().strip();
        return stripped.isEmpty() ? 0 : SPACES.split(stripped).length;
    }
}
