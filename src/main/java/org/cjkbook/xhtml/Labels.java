package org.cjkbook.xhtml;

import java.util.Map;

import org.cjkbook.model.Role;
import org.cjkbook.text.Script;

/**
 * The words an edition adds around the author's text, in the book's script;
 * {@code pageCitation} puts a page number in the words that cite it.
 */
public record Labels(String contents, String colophon, String landmarks, String titlePage, String start,
              String bookTitle, String source, String date, String publisher, String notes, String cover,
              String pages, String fonts, String identifier, String isbn, String pageCitation, boolean traditional) {

    /** The roles whose Traditional name differs from {@link Role#label()}. */
    private static final Map<Role, String> TRADITIONAL_ROLES = Map.of(Role.EDITOR, "責任編輯",
            Role.BOOK_DESIGNER, "版式設計", Role.ILLUSTRATOR, "製圖", Role.PHOTOGRAPHER, "攝影", Role.TRANSLATOR, "翻譯");

    public static Labels of(String language) {
        if (Script.isTraditional(language)) {
            return new Labels("目錄", "版權資訊", "導覽", "書名頁", "正文", "書名", "來源", "日期", "出版", "註釋", "封面", "頁碼",
                    "字型", "識別碼", "書號", "（第%s頁）", true);
        }
        return new Labels("目录", "版权信息", "导览", "书名页", "正文", "书名", "来源", "日期", "出版", "注释", "封面", "页码",
                "字体", "标识", "书号", "（第%s页）", false);
    }

    /** How a colophon names a role. */
    public String role(Role role) {
        return traditional ? TRADITIONAL_ROLES.getOrDefault(role, role.label()) : role.label();
    }
}
