package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.cjkbook.epub.EpubCheckReport;
import org.junit.jupiter.api.Test;

/** Images in print: SVG as well as raster, each drawn at most as wide as the text block. */
class ImageTest {

    /** The A5 text block: 28 em of 10.5 pt. */
    private static final float MEASURE = 28 * 10.5f;

    @Test
    void svgImagesWithDecimalSizesAreDrawnWithinTheTextBlock() throws IOException {
        // Its SVG images declare width="1000.00": a whole number to Flying Saucer, which fails.
        Path source = Corpus.require("md-trpl-ch04-01-what-is-ownership.md");
        Path folder = Builds.of(source);
        List<Float> widths = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("md-trpl-ch04-01-what-is-ownership.pdf").toFile())) {
            for (PDPage page : pdf.getPages()) {
                new ImageWidths(page, widths).processPage(page);
            }
        }
        assertThat(widths).as("the five figures of the chapter").hasSize(5);
        assertThat(widths).allSatisfy(w -> assertThat(w).isBetween(MEASURE / 4, MEASURE + 0.5f));
        assertThat(EpubCheckReport.check(folder.resolve("md-trpl-ch04-01-what-is-ownership.epub").toFile())).isEmpty();
    }

    /** The width, in points, at which each image on a page is drawn. */
    private static final class ImageWidths extends PDFGraphicsStreamEngine {
        private final List<Float> widths;

        ImageWidths(PDPage page, List<Float> widths) {
            super(page);
            this.widths = widths;
        }

        @Override
        public void drawImage(PDImage image) {
            widths.add(getGraphicsState().getCurrentTransformationMatrix().getScalingFactorX());
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
        }

        @Override
        public void fillPath(int windingRule) {
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
        }

        @Override
        public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
        }
    }
}
