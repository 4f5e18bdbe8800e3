package org.cjkbook.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "build", description = "Builds the EPUB and PDF editions of SOURCE.")
final class BuildCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
