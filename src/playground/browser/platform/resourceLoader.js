// lightning/platformResourceLoader for the playground: loads each URL once, like the platform.
const loading = new Map();

function load(url, create) {
    if (!loading.has(url)) {
        const promise = new Promise((resolve, reject) => {
            const element = create();
            element.addEventListener('load', () => resolve());
            element.addEventListener('error', () => {
                loading.delete(url);
                reject(new Error(`Could not load ${url}`));
            });
            document.head.appendChild(element);
        });
        loading.set(url, promise);
    }
    return loading.get(url);
}

export function loadScript(_component, url) {
    return load(url, () => {
        const script = document.createElement('script');
        script.src = url;
        script.charset = 'utf-8';
        return script;
    });
}

export function loadStyle(_component, url) {
    return load(url, () => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = url;
        return link;
    });
}
