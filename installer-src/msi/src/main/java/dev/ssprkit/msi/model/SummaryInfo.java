package dev.ssprkit.msi.model;

import java.time.Instant;

/**
 * The summary information stream's properties that Windows Installer uses
 * (https://learn.microsoft.com/windows/win32/msi/summary-information-stream-property-set). PIDs 0 (dictionary),
 * 10 (edit time) and 17 (thumbnail) are deliberately absent: Wine's parser stops at them.
 *
 * <p>{@code revisionNumber} is the package code; when null, the writer derives it from the package content.
 */
public final class SummaryInfo {
    public int codepage = 1252;
    public String title = "Installation Database";
    public String subject;
    public String author;
    public String keywords = "Installer";
    public String comments;
    public String template = "Intel;1033";
    public String lastSavedBy;
    public String revisionNumber;
    public Instant createTime;
    public Instant lastSaveTime;
    public Integer pageCount = 200;
    public Integer wordCount = 2;
    public Integer charCount;
    public String appName = "ssprkit";
    public Integer security = 2;

    public SummaryInfo copy() {
        SummaryInfo s = new SummaryInfo();
        s.codepage = codepage;
        s.title = title;
        s.subject = subject;
        s.author = author;
        s.keywords = keywords;
        s.comments = comments;
        s.template = template;
        s.lastSavedBy = lastSavedBy;
        s.revisionNumber = revisionNumber;
        s.createTime = createTime;
        s.lastSaveTime = lastSaveTime;
        s.pageCount = pageCount;
        s.wordCount = wordCount;
        s.charCount = charCount;
        s.appName = appName;
        s.security = security;
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SummaryInfo s)) return false;
        return codepage == s.codepage && java.util.Objects.equals(title, s.title) && java.util.Objects.equals(subject, s.subject)
                && java.util.Objects.equals(author, s.author) && java.util.Objects.equals(keywords, s.keywords)
                && java.util.Objects.equals(comments, s.comments) && java.util.Objects.equals(template, s.template)
                && java.util.Objects.equals(lastSavedBy, s.lastSavedBy) && java.util.Objects.equals(revisionNumber, s.revisionNumber)
                && java.util.Objects.equals(createTime, s.createTime) && java.util.Objects.equals(lastSaveTime, s.lastSaveTime)
                && java.util.Objects.equals(pageCount, s.pageCount) && java.util.Objects.equals(wordCount, s.wordCount)
                && java.util.Objects.equals(charCount, s.charCount) && java.util.Objects.equals(appName, s.appName)
                && java.util.Objects.equals(security, s.security);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(title, subject, revisionNumber, template);
    }

    @Override
    public String toString() {
        return "SummaryInfo{codepage=" + codepage + ", title=" + title + ", subject=" + subject + ", author=" + author
                + ", template=" + template + ", revision=" + revisionNumber + ", created=" + createTime
                + ", saved=" + lastSaveTime + ", pages=" + pageCount + ", words=" + wordCount + ", app=" + appName
                + ", security=" + security + "}";
    }
}
