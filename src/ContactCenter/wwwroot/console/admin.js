// Administration screens: the knowledge-base editor's toolbar wraps the selection of its text box in Markdown.
window.ccAdmin = {
    wrap(containerId, before, after, placeholder) {
        const box = document.querySelector('#' + containerId + ' textarea');
        if (!box) return null;
        const start = box.selectionStart, end = box.selectionEnd;
        const selected = box.value.substring(start, end) || placeholder;
        box.value = box.value.substring(0, start) + before + selected + after + box.value.substring(end);
        box.focus();
        box.setSelectionRange(start + before.length, start + before.length + selected.length);
        box.dispatchEvent(new Event('input', { bubbles: true }));
        return box.value;
    }
};
