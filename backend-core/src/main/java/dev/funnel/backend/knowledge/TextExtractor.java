package dev.funnel.backend.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of an uploaded file, page by page for PDFs. */
final class TextExtractor {

    /** One page's text; {@code number} is null for files without pages. */
    record Page(Integer number, String text) {
    }

    /** @param pageCount the PDF's pages; null for other files */
    record Extracted(List<Page> pages, Integer pageCount) {
    }

    private TextExtractor() {
    }

    /** @throws UnreadableDocumentException saying what is wrong with the file */
    static Extracted extract(DocumentType type, byte[] bytes) {
        Extracted extracted = type == DocumentType.PDF ? pdf(bytes)
                : new Extracted(List.of(new Page(null, utf8(bytes))), null);
        if (extracted.pages().stream().allMatch(page -> page.text().isBlank())) {
            throw new UnreadableDocumentException(type == DocumentType.PDF
                    ? "The PDF has no text to read (a scanned document needs text recognition first)"
                    : "The file is empty");
        }
        return extracted;
    }

    private static Extracted pdf(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            // a gap between lines marks a paragraph: the chunker keeps paragraphs together
            stripper.setParagraphEnd("\n\n");
            List<Page> pages = new ArrayList<>();
            for (int number = 1; number <= pdf.getNumberOfPages(); number++) {
                stripper.setStartPage(number);
                stripper.setEndPage(number);
                pages.add(new Page(number, stripper.getText(pdf)));
            }
            return new Extracted(pages, pdf.getNumberOfPages());
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("The PDF is protected by a password: upload a copy without one", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("The file could not be read as a PDF (" + e.getMessage()
                    + "): check that it opens, or export it again", e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new UnreadableDocumentException("The file is not UTF-8 text: save it as UTF-8 and upload it again",
                    e);
        }
    }
}
