package dev.funnel.backend.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Files for the knowledge base's tests and benchmark: a fictional bike shop's handbook with a labelled
 * set of questions (each names the handbook section that answers it), and PDFs generated with PDFBox.
 */
public final class KnowledgeFixtures {

    /** A question a lead might ask and the heading of the handbook section that answers it. */
    public record Labelled(String question, String heading) {
    }

    private static final String[] WORDS = ("frame wheel saddle chain brake gear pedal tyre rim spoke hub cable lever"
            + " crank cassette derailleur fork stem bar grip light bell rack basket lock pump helmet motor battery"
            + " charger display sensor valve tube bearing bolt washer clamp mudguard kickstand reflector").split(" ");

    private KnowledgeFixtures() {
    }

    public static byte[] handbook() {
        return resource("handbook.md");
    }

    public static List<Labelled> questions() {
        return new String(resource("handbook-questions.tsv"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).map(line -> line.split("\t"))
                .map(parts -> new Labelled(parts[0], parts[1])).toList();
    }

    /**
     * The share of questions whose section is among the first 5 hits (a chunk of a section starts
     * with its heading).
     */
    public static double recallAt5(KnowledgeBase knowledge, java.util.UUID organisationId) {
        List<Labelled> questions = questions();
        long found = questions.stream().filter(q -> knowledge.search(organisationId, q.question(), 5).stream()
                .anyMatch(hit -> hit.text().startsWith(q.heading()))).count();
        return (double) found / questions.size();
    }

    /**
     * A parts catalogue of {@code pages} pages: each page has a heading and a few paragraphs of about 60
     * words, and names its own part number (PART-0001...) so a test can find a page by its content.
     */
    public static byte[] catalogue(int pages) {
        Random random = new Random(42);
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int number = 1; number <= pages; number++) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    text.beginText();
                    text.setFont(font, 10);
                    text.setLeading(13);
                    text.newLineAtOffset(50, 740);
                    text.showText("Catalogue page " + number + ": part PART-%04d".formatted(number));
                    text.newLine();
                    text.newLine();
                    for (int paragraph = 0; paragraph < 6; paragraph++) {
                        for (String line : lines(random, 60)) {
                            text.showText(line);
                            text.newLine();
                        }
                        text.newLine();
                    }
                    text.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF that opens only with a password. */
    public static byte[] passwordProtectedPdf() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes that start like a PDF and are none. */
    public static byte[] corruptPdf() {
        return "%PDF-1.7\nthis is not really a PDF, it was cut off".getBytes(StandardCharsets.US_ASCII);
    }

    /** Lines of about 12 words, {@code words} in all, ending in a full stop. */
    private static List<String> lines(Random random, int words) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < words; i++) {
            line.append(line.isEmpty() ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            if (line.length() > 70) {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        lines.add(line + ".");
        return lines;
    }

    private static byte[] resource(String name) {
        try (InputStream in = KnowledgeFixtures.class.getResourceAsStream("/knowledge/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
