package org.cjkbook.xhtml;

/**
 * The words an edition adds around the author's text, in the book's script;
 * {@code pageCitation} puts a page number in the words that cite it.
 */
public record Labels(String contents, String colophon, String landmarks, String titlePage, String start,
              String bookTitle, String source, String date, String publisher, String notes, String cover,
              String pages, String fonts, String identifier, String isbn, String pageCitation) {

    public static Labels of(String language) {
        if (language.startsWith("zh-Hant") || language.matches("zh-(TW|HK|MO).*")) {
            return new Labels("目錄", "版權資訊", "導覽", "書名頁", "正文", "書名", "來源", "日期", "出版", "註釋", "封面", "頁碼", "字型", "識別碼", "書號", "（第%s頁）");
        }
        return new Labels("目录", "版权信息", "导览", "书名页", "正文", "书名", "来源", "日期", "出版", "注释", "封面", "页码", "字体", "标识", "书号", "（第%s页）");
    }
}
