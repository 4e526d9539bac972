package dev.ssprkit.wix.project;

import java.util.ArrayList;
import java.util.List;

/** How front ends add their own settings to a project's: lists are joined, the project's first. */
public final class ProjectLists {
    private ProjectLists() {}

    public static <T> List<T> join(List<? extends T> project, List<? extends T> own) {
        List<T> out = new ArrayList<>(project);
        out.addAll(own);
        return out;
    }
}
