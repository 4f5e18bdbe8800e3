package org.cjkbook.xhtml;

import java.util.ArrayList;
import java.util.List;

/**
 * The page starts of a print edition as it is being printed, handed from the thread that
 * prints it to one that writes the other edition meanwhile: a chapter's are known once the
 * chapter is printed, the rest (the front matter's) once the whole edition is. A reader
 * waits for what it asks until then, or until the printing fails.
 */
public final class PrintedPages {

    private final List<PageStart> starts = new ArrayList<>();
    private int chapters;
    private boolean whole;
    private RuntimeException failure;

    /** The page starts of an edition printed already, or of none: {@code starts} empty. */
    public static PrintedPages of(List<PageStart> starts) {
        PrintedPages pages = new PrintedPages();
        pages.whole(starts);
        return pages;
    }

    /** The next chapter, in the book's order, is printed, its pages starting at {@code its}. */
    public synchronized void chapter(List<PageStart> its) {
        starts.addAll(its);
        chapters++;
        notifyAll();
    }

    /** The edition is printed, its pages starting at {@code all}, of every part. */
    public synchronized void whole(List<PageStart> all) {
        starts.clear();
        starts.addAll(all);
        whole = true;
        notifyAll();
    }

    /** The printing stopped: whoever waits for pages stops too. */
    public synchronized void failed() {
        failure = new IllegalStateException("the print edition was not printed");
        notifyAll();
    }

    /** The page starts known once the chapter of {@code index}, counted from 0, is printed. */
    public synchronized List<PageStart> throughChapter(int index) {
        while (!whole && chapters <= index) {
            await();
        }
        return List.copyOf(starts);
    }

    /** The page starts of the whole edition, once it is printed. */
    public synchronized List<PageStart> all() {
        while (!whole) {
            await();
        }
        return List.copyOf(starts);
    }

    private void await() {
        if (failure != null) {
            throw failure;
        }
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while waiting for the print edition", e);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
