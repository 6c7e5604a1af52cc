// A thread opens at its newest message and stays pinned to the bottom as messages arrive; once the reader has
// scrolled up it stays where it is, and the "New messages" button appears when a message arrives below.
const nearBottom = 48;

function atBottom(thread) {
    return thread.scrollHeight - thread.scrollTop - thread.clientHeight < nearBottom;
}

export function follow(thread, button) {
    if (!thread || thread.dataset.followed) {
        return;
    }
    thread.dataset.followed = "1";
    let pinned = true;
    let last = thread.lastElementChild;
    const toBottom = () => {
        thread.scrollTop = thread.scrollHeight;
        pinned = true;
        button.hidden = true;
    };
    thread.addEventListener("scroll", () => {
        pinned = atBottom(thread);
        if (pinned) {
            button.hidden = true;
        }
    }, { passive: true });
    button.addEventListener("click", toBottom);
    new MutationObserver(() => {
        const newest = thread.lastElementChild;
        if (pinned) {
            thread.scrollTop = thread.scrollHeight;
        } else if (newest !== last) {
            button.hidden = false;
        }
        last = newest;
    }).observe(thread, { childList: true, subtree: true, characterData: true });
    toBottom();
}

// Another conversation was opened in the same view: it starts at its newest message too.
export function reset(thread, button) {
    thread.scrollTop = thread.scrollHeight;
    button.hidden = true;
}
