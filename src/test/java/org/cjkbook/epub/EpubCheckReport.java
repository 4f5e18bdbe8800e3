package org.cjkbook.epub;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import com.adobe.epubcheck.util.ReportingLevel;

/** EPUBCheck run in this JVM, its messages kept as lines: severity, id, place, text. */
public final class EpubCheckReport extends MasterReport {

    private final List<String> messages = new ArrayList<>();

    private EpubCheckReport() {
        setReportingLevel(ReportingLevel.Usage);
    }

    /**
     * Every fatal error, error, warning and usage note EPUBCheck has for the file, but for
     * the usage note CSS-028, which only records that a stylesheet declares a font face:
     * embedding the book's fonts is the point of the edition.
     */
    public static List<String> check(File epub) {
        EpubCheckReport report = new EpubCheckReport();
        report.setEpubFileName(epub.getPath());
        new EpubCheck(epub, report).check();
        return report.messages;
    }

    @Override
    public void message(Message message, EPUBLocation location, Object... args) {
        Severity severity = message.getSeverity();
        boolean fontFaceNote = message.getID().name().equals("CSS_028");
        if (severity == Severity.FATAL || severity == Severity.ERROR || severity == Severity.WARNING
                || (severity == Severity.USAGE && !fontFaceNote)) {
            messages.add(severity + " " + message.getID() + " " + location + ": " + message.getMessage(args));
        }
    }

    @Override
    public void info(String resource, FeatureEnum feature, String value) {
    }

    @Override
    public int generate() {
        return 0;
    }

    @Override
    public void initialize() {
    }
}
