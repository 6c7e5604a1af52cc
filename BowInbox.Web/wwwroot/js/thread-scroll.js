// A thread opens at its newest message and stays pinned to the bottom as messages arrive; once the reader has
// scrolled up it stays where it is, and the "New messages" button appears when a message arrives below.
const nearBottom = 48;
const followers = new WeakMap();

export function follow(thread, button) {
    if (!thread || thread.dataset.followed) {
        return;
    }
    thread.dataset.followed = "1";
    let last = thread.lastElementChild;
    // The content height the reader last saw: whether they were at the bottom is judged against it, from the
    // scroll position itself, so a scroll whose event has not fired yet still counts.
    let height = thread.scrollHeight;
    const toBottom = () => {
        thread.scrollTop = thread.scrollHeight;
        height = thread.scrollHeight;
        button.hidden = true;
    };
    thread.addEventListener("scroll", () => {
        if (thread.scrollHeight - thread.scrollTop - thread.clientHeight < nearBottom) {
            button.hidden = true;
        }
    }, { passive: true });
    button.addEventListener("click", toBottom);
    followers.set(thread, toBottom);
    new MutationObserver(() => {
        const newest = thread.lastElementChild;
        const wasAtBottom = height - thread.scrollTop - thread.clientHeight < nearBottom;
        if (wasAtBottom) {
            toBottom();
        } else {
            if (newest !== last) {
                button.hidden = false;
            }
            height = thread.scrollHeight;
        }
        last = newest;
    }).observe(thread, { childList: true, subtree: true, characterData: true });
    toBottom();
}

// Another conversation was opened in the same view: it starts at its newest message too.
export function reset(thread, button) {
    const toBottom = followers.get(thread);
    if (toBottom) {
        toBottom();
    } else {
        thread.scrollTop = thread.scrollHeight;
        button.hidden = true;
    }
}
