# bash completion for folio. Generated from the command model; do not edit.
# Load with: source <(folio completions bash)

_folio() {
    local cur prev cmd word opts i n=0 cword
    local -a words
    _folio_words
    cur=${words[cword]}
    prev=""
    if [ "$cword" -ge 1 ]; then prev=${words[cword-1]}; fi
    # '--opt=val': complete the value after the '='.
    case "$cur" in -*=*) prev=${cur%%=*}; cur=${cur#*=} ;; esac
    cmd='folio'
    i=1
    while [ "$i" -lt "$cword" ]; do
        word=${words[i]}
        case "$word" in
            --) break ;;
            -*=*) ;;
            -*)
                case "$cmd $word" in
                    'folio tenants register --email'|'folio tenants register --name'|'folio tenants register --tier'|'folio tenants register --language'|'folio tenants register --ruc'|'folio tenants list --status'|'folio tenants list --tier'|'folio tenants list --search'|'folio tenants list --limit'|'folio tenants list --cursor'|'folio tenants verify --token-file'|'folio tenants suspend --reason'|'folio keys mint --tenant'|'folio keys mint --label'|'folio keys mint --scope'|'folio keys mint --env'|'folio keys mint --expires-in'|'folio keys mint --expires-at'|'folio keys mint --rate-limit'|'folio keys list --tenant'|'folio keys list --env'|'folio keys list --status'|'folio keys list --label'|'folio keys list --limit'|'folio keys list --cursor'|'folio keys revoke --reason'|'folio keys revoke --tenant'|'folio keys rotate --grace'|'folio keys verify --key-file'|'folio keys verify --scope'|'folio issuers create --tenant'|'folio issuers create --name'|'folio issuers create --ruc'|'folio issuers create --establishment'|'folio issuers create --point'|'folio issuers create --address'|'folio issuers create --establishment-address'|'folio issuers create --legal-name'|'folio issuers create --trade-name'|'folio issuers create --special-taxpayer'|'folio issuers create --inherit-cert-from'|'folio issuers list --tenant'|'folio issuers list --limit'|'folio issuers list --cursor'|'folio issuers cert generate --days'|'folio issuers cert import --p12'|'folio issuers cert import --password-file'|'folio issuers cert import --password-env'|'folio documents create --issuer'|'folio documents create --file'|'folio documents create --profile'|'folio documents list --tenant'|'folio documents list --issuer'|'folio documents list --type'|'folio documents list --status'|'folio documents list --from'|'folio documents list --to'|'folio documents list --buyer'|'folio documents list --buyer-name'|'folio documents list --min-total'|'folio documents list --max-total'|'folio documents list --access-key-prefix'|'folio documents list --sort'|'folio documents list --limit'|'folio documents list --cursor'|'folio documents pdf --file'|'folio documents pdf --output-file'|'folio documents pdf -O'|'folio documents verify --file'|'folio exports create --tenant'|'folio exports create --issuer'|'folio exports create --type'|'folio exports create --status'|'folio exports create --from'|'folio exports create --to'|'folio exports create --buyer'|'folio exports create --buyer-name'|'folio exports create --min-total'|'folio exports create --max-total'|'folio exports create --access-key-prefix'|'folio exports create --include'|'folio exports list --tenant'|'folio exports list --status'|'folio exports list --limit'|'folio exports list --cursor'|'folio exports download --output-file'|'folio exports download -O'|'folio exports prune --older-than'|'folio exports prune --tenant'|'folio webhooks create --tenant'|'folio webhooks create --url'|'folio webhooks create --events'|'folio webhooks list --tenant'|'folio webhooks list --limit'|'folio webhooks list --cursor'|'folio webhooks update --url'|'folio webhooks update --events'|'folio webhooks update --active'|'folio webhooks rotate-secret --grace'|'folio webhooks replay --event'|'folio webhooks replay --since'|'folio webhooks replay --until'|'folio webhooks replay --endpoint'|'folio webhooks replay --tenant'|'folio webhooks replay --type'|'folio webhooks replay --status'|'folio webhooks replay --rate'|'folio webhooks deliver --concurrency'|'folio webhooks attempts --endpoint'|'folio webhooks attempts --status'|'folio webhooks attempts --event'|'folio webhooks attempts --limit'|'folio webhooks attempts --cursor'|'folio webhooks sign --secret-file'|'folio webhooks sign --id'|'folio webhooks sign --timestamp'|'folio webhooks sign --body-file'|'folio webhooks verify --secret-file'|'folio webhooks verify --headers'|'folio webhooks verify --body-file'|'folio webhooks verify --tolerance'|'folio webhooks listen --secret-file'|'folio webhooks listen --host'|'folio webhooks listen --port'|'folio webhooks listen --respond'|'folio webhooks listen --count'|'folio webhooks listen --tolerance'|'folio events list --tenant'|'folio events list --type'|'folio events list --since'|'folio events list --until'|'folio events list --limit'|'folio events list --cursor'|'folio notifications list --tenant'|'folio notifications list --issuer'|'folio notifications list --since-id'|'folio notifications list --limit'|'folio notifications list --cursor'|'folio notifications read --tenant'|'folio notifications preferences --tenant'|'folio notifications preferences --enable'|'folio notifications preferences --disable'|'folio audit list --target'|'folio audit list --action'|'folio audit list --since'|'folio audit list --until'|'folio audit list --limit'|'folio audit list --cursor'|*" --store"|*" --output"|*" -o"|*" --actor"|*" --idempotency-key"|*" --lock-timeout") i=$((i + 1)) ;;
                esac ;;
            *)
                case "$cmd $word" in
                    'folio init') cmd='folio init' ;;
                    'folio completions') cmd='folio completions' ;;
                    'folio version') cmd='folio version' ;;
                    'folio store') cmd='folio store' ;;
                    'folio tenants') cmd='folio tenants' ;;
                    'folio keys') cmd='folio keys' ;;
                    'folio issuers') cmd='folio issuers' ;;
                    'folio documents') cmd='folio documents' ;;
                    'folio exports') cmd='folio exports' ;;
                    'folio webhooks') cmd='folio webhooks' ;;
                    'folio events') cmd='folio events' ;;
                    'folio notifications') cmd='folio notifications' ;;
                    'folio jobs') cmd='folio jobs' ;;
                    'folio audit') cmd='folio audit' ;;
                    'folio store info') cmd='folio store info' ;;
                    'folio store check') cmd='folio store check' ;;
                    'folio store backup') cmd='folio store backup' ;;
                    'folio store rotate-master-key') cmd='folio store rotate-master-key' ;;
                    'folio tenants register') cmd='folio tenants register' ;;
                    'folio tenants list') cmd='folio tenants list' ;;
                    'folio tenants show') cmd='folio tenants show' ;;
                    'folio tenants verify') cmd='folio tenants verify' ;;
                    'folio tenants resend-verification') cmd='folio tenants resend-verification' ;;
                    'folio tenants set-tier') cmd='folio tenants set-tier' ;;
                    'folio tenants set-language') cmd='folio tenants set-language' ;;
                    'folio tenants suspend') cmd='folio tenants suspend' ;;
                    'folio tenants activate') cmd='folio tenants activate' ;;
                    'folio tenants promote') cmd='folio tenants promote' ;;
                    'folio keys mint') cmd='folio keys mint' ;;
                    'folio keys list') cmd='folio keys list' ;;
                    'folio keys show') cmd='folio keys show' ;;
                    'folio keys revoke') cmd='folio keys revoke' ;;
                    'folio keys rotate') cmd='folio keys rotate' ;;
                    'folio keys verify') cmd='folio keys verify' ;;
                    'folio keys scan') cmd='folio keys scan' ;;
                    'folio issuers create') cmd='folio issuers create' ;;
                    'folio issuers list') cmd='folio issuers list' ;;
                    'folio issuers show') cmd='folio issuers show' ;;
                    'folio issuers cert') cmd='folio issuers cert' ;;
                    'folio issuers doc-types') cmd='folio issuers doc-types' ;;
                    'folio issuers cert generate') cmd='folio issuers cert generate' ;;
                    'folio issuers cert import') cmd='folio issuers cert import' ;;
                    'folio issuers cert show') cmd='folio issuers cert show' ;;
                    'folio issuers doc-types list') cmd='folio issuers doc-types list' ;;
                    'folio issuers doc-types enable') cmd='folio issuers doc-types enable' ;;
                    'folio issuers doc-types disable') cmd='folio issuers doc-types disable' ;;
                    'folio documents create') cmd='folio documents create' ;;
                    'folio documents list') cmd='folio documents list' ;;
                    'folio documents show') cmd='folio documents show' ;;
                    'folio documents events') cmd='folio documents events' ;;
                    'folio documents xml') cmd='folio documents xml' ;;
                    'folio documents pdf') cmd='folio documents pdf' ;;
                    'folio documents verify') cmd='folio documents verify' ;;
                    'folio documents decode-key') cmd='folio documents decode-key' ;;
                    'folio exports create') cmd='folio exports create' ;;
                    'folio exports list') cmd='folio exports list' ;;
                    'folio exports show') cmd='folio exports show' ;;
                    'folio exports download') cmd='folio exports download' ;;
                    'folio exports verify') cmd='folio exports verify' ;;
                    'folio exports prune') cmd='folio exports prune' ;;
                    'folio webhooks create') cmd='folio webhooks create' ;;
                    'folio webhooks list') cmd='folio webhooks list' ;;
                    'folio webhooks show') cmd='folio webhooks show' ;;
                    'folio webhooks update') cmd='folio webhooks update' ;;
                    'folio webhooks delete') cmd='folio webhooks delete' ;;
                    'folio webhooks rotate-secret') cmd='folio webhooks rotate-secret' ;;
                    'folio webhooks replay') cmd='folio webhooks replay' ;;
                    'folio webhooks deliver') cmd='folio webhooks deliver' ;;
                    'folio webhooks attempts') cmd='folio webhooks attempts' ;;
                    'folio webhooks sign') cmd='folio webhooks sign' ;;
                    'folio webhooks verify') cmd='folio webhooks verify' ;;
                    'folio webhooks listen') cmd='folio webhooks listen' ;;
                    'folio events list') cmd='folio events list' ;;
                    'folio notifications list') cmd='folio notifications list' ;;
                    'folio notifications read') cmd='folio notifications read' ;;
                    'folio notifications preferences') cmd='folio notifications preferences' ;;
                    'folio jobs run') cmd='folio jobs run' ;;
                    'folio audit list') cmd='folio audit list' ;;
                    'folio audit verify') cmd='folio audit verify' ;;
                    *) n=$((n + 1)) ;;
                esac ;;
        esac
        i=$((i + 1))
    done

    case "$cmd $prev" in
        'folio tenants register --email')
            COMPREPLY=(); return 0 ;;
        'folio tenants register --name')
            COMPREPLY=(); return 0 ;;
        'folio tenants register --tier')
            _folio_choices 'trial' 'starter' 'growth' 'pro' 'business'; return 0 ;;
        'folio tenants register --language')
            _folio_choices 'es' 'en'; return 0 ;;
        'folio tenants register --ruc')
            COMPREPLY=(); return 0 ;;
        'folio tenants list --status')
            _folio_choices 'pending_verification' 'active' 'suspended'; return 0 ;;
        'folio tenants list --tier')
            _folio_choices 'trial' 'starter' 'growth' 'pro' 'business'; return 0 ;;
        'folio tenants list --search')
            COMPREPLY=(); return 0 ;;
        'folio tenants list --limit')
            COMPREPLY=(); return 0 ;;
        'folio tenants list --cursor')
            COMPREPLY=(); return 0 ;;
        'folio tenants verify --token-file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio tenants suspend --reason')
            COMPREPLY=(); return 0 ;;
        'folio keys mint --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio keys mint --label')
            COMPREPLY=(); return 0 ;;
        'folio keys mint --scope')
            _folio_choices '*' 'tenants:*' 'issuers:*' 'keys:*' 'documents:*' 'exports:*' 'webhooks:*' 'notifications:*' 'audit:*' 'tenants:read' 'tenants:write' 'issuers:read' 'issuers:write' 'keys:read' 'keys:write' 'documents:read' 'documents:write' 'documents:delete' 'exports:read' 'exports:write' 'webhooks:read' 'webhooks:write' 'notifications:read' 'notifications:write' 'audit:read'; return 0 ;;
        'folio keys mint --env')
            _folio_choices 'sandbox' 'production'; return 0 ;;
        'folio keys mint --expires-in')
            COMPREPLY=(); return 0 ;;
        'folio keys mint --expires-at')
            COMPREPLY=(); return 0 ;;
        'folio keys mint --rate-limit')
            COMPREPLY=(); return 0 ;;
        'folio keys list --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio keys list --env')
            _folio_choices 'sandbox' 'production'; return 0 ;;
        'folio keys list --status')
            _folio_choices 'active' 'revoked' 'expired'; return 0 ;;
        'folio keys list --label')
            COMPREPLY=(); return 0 ;;
        'folio keys list --limit')
            COMPREPLY=(); return 0 ;;
        'folio keys list --cursor')
            COMPREPLY=(); return 0 ;;
        'folio keys revoke --reason')
            COMPREPLY=(); return 0 ;;
        'folio keys revoke --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio keys rotate --grace')
            COMPREPLY=(); return 0 ;;
        'folio keys verify --key-file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio keys verify --scope')
            _folio_choices 'tenants:read' 'tenants:write' 'issuers:read' 'issuers:write' 'keys:read' 'keys:write' 'documents:read' 'documents:write' 'documents:delete' 'exports:read' 'exports:write' 'webhooks:read' 'webhooks:write' 'notifications:read' 'notifications:write' 'audit:read'; return 0 ;;
        'folio issuers create --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio issuers create --name')
            COMPREPLY=(); return 0 ;;
        'folio issuers create --ruc')
            COMPREPLY=(); return 0 ;;
        'folio issuers create --establishment')
            COMPREPLY=(); return 0 ;;
        'folio issuers create --point')
            COMPREPLY=(); return 0 ;;
        'folio issuers create --address')
            COMPREPLY=(); return 0 ;;
        'folio issuers create --establishment-address')
            COMPREPLY=(); return 0 ;;
        'folio issuers create --legal-name')
            COMPREPLY=(); return 0 ;;
        'folio issuers create --trade-name')
            COMPREPLY=(); return 0 ;;
        'folio issuers create --special-taxpayer')
            COMPREPLY=(); return 0 ;;
        'folio issuers create --inherit-cert-from')
            _folio_dynamic 'issuers'; return 0 ;;
        'folio issuers list --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio issuers list --limit')
            COMPREPLY=(); return 0 ;;
        'folio issuers list --cursor')
            COMPREPLY=(); return 0 ;;
        'folio issuers cert generate --days')
            COMPREPLY=(); return 0 ;;
        'folio issuers cert import --p12')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio issuers cert import --password-file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio issuers cert import --password-env')
            COMPREPLY=(); return 0 ;;
        'folio documents create --issuer')
            _folio_dynamic 'issuers'; return 0 ;;
        'folio documents create --file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio documents create --profile')
            _folio_choices 'sri' 'modern'; return 0 ;;
        'folio documents list --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio documents list --issuer')
            _folio_dynamic 'issuers'; return 0 ;;
        'folio documents list --type')
            COMPREPLY=(); return 0 ;;
        'folio documents list --status')
            _folio_choices 'signed'; return 0 ;;
        'folio documents list --from')
            COMPREPLY=(); return 0 ;;
        'folio documents list --to')
            COMPREPLY=(); return 0 ;;
        'folio documents list --buyer')
            COMPREPLY=(); return 0 ;;
        'folio documents list --buyer-name')
            COMPREPLY=(); return 0 ;;
        'folio documents list --min-total')
            COMPREPLY=(); return 0 ;;
        'folio documents list --max-total')
            COMPREPLY=(); return 0 ;;
        'folio documents list --access-key-prefix')
            COMPREPLY=(); return 0 ;;
        'folio documents list --sort')
            _folio_choices 'date' '-date' 'total' '-total'; return 0 ;;
        'folio documents list --limit')
            COMPREPLY=(); return 0 ;;
        'folio documents list --cursor')
            COMPREPLY=(); return 0 ;;
        'folio documents pdf --file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio documents pdf --output-file'|'folio documents pdf -O')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio documents verify --file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio exports create --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio exports create --issuer')
            _folio_dynamic 'issuers'; return 0 ;;
        'folio exports create --type')
            COMPREPLY=(); return 0 ;;
        'folio exports create --status')
            _folio_choices 'signed'; return 0 ;;
        'folio exports create --from')
            COMPREPLY=(); return 0 ;;
        'folio exports create --to')
            COMPREPLY=(); return 0 ;;
        'folio exports create --buyer')
            COMPREPLY=(); return 0 ;;
        'folio exports create --buyer-name')
            COMPREPLY=(); return 0 ;;
        'folio exports create --min-total')
            COMPREPLY=(); return 0 ;;
        'folio exports create --max-total')
            COMPREPLY=(); return 0 ;;
        'folio exports create --access-key-prefix')
            COMPREPLY=(); return 0 ;;
        'folio exports create --include')
            _folio_choices 'ride'; return 0 ;;
        'folio exports list --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio exports list --status')
            _folio_choices 'completed' 'pruned'; return 0 ;;
        'folio exports list --limit')
            COMPREPLY=(); return 0 ;;
        'folio exports list --cursor')
            COMPREPLY=(); return 0 ;;
        'folio exports download --output-file'|'folio exports download -O')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio exports prune --older-than')
            COMPREPLY=(); return 0 ;;
        'folio exports prune --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio webhooks create --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio webhooks create --url')
            COMPREPLY=(); return 0 ;;
        'folio webhooks create --events')
            COMPREPLY=(); return 0 ;;
        'folio webhooks list --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio webhooks list --limit')
            COMPREPLY=(); return 0 ;;
        'folio webhooks list --cursor')
            COMPREPLY=(); return 0 ;;
        'folio webhooks update --url')
            COMPREPLY=(); return 0 ;;
        'folio webhooks update --events')
            COMPREPLY=(); return 0 ;;
        'folio webhooks update --active')
            _folio_choices 'yes' 'no'; return 0 ;;
        'folio webhooks rotate-secret --grace')
            COMPREPLY=(); return 0 ;;
        'folio webhooks replay --event')
            COMPREPLY=(); return 0 ;;
        'folio webhooks replay --since')
            COMPREPLY=(); return 0 ;;
        'folio webhooks replay --until')
            COMPREPLY=(); return 0 ;;
        'folio webhooks replay --endpoint')
            COMPREPLY=(); return 0 ;;
        'folio webhooks replay --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio webhooks replay --type')
            COMPREPLY=(); return 0 ;;
        'folio webhooks replay --status')
            _folio_choices 'failed' 'all' 'never-sent'; return 0 ;;
        'folio webhooks replay --rate')
            COMPREPLY=(); return 0 ;;
        'folio webhooks deliver --concurrency')
            COMPREPLY=(); return 0 ;;
        'folio webhooks attempts --endpoint')
            COMPREPLY=(); return 0 ;;
        'folio webhooks attempts --status')
            _folio_choices 'succeeded' 'failed'; return 0 ;;
        'folio webhooks attempts --event')
            COMPREPLY=(); return 0 ;;
        'folio webhooks attempts --limit')
            COMPREPLY=(); return 0 ;;
        'folio webhooks attempts --cursor')
            COMPREPLY=(); return 0 ;;
        'folio webhooks sign --secret-file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio webhooks sign --id')
            COMPREPLY=(); return 0 ;;
        'folio webhooks sign --timestamp')
            COMPREPLY=(); return 0 ;;
        'folio webhooks sign --body-file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio webhooks verify --secret-file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio webhooks verify --headers')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio webhooks verify --body-file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio webhooks verify --tolerance')
            COMPREPLY=(); return 0 ;;
        'folio webhooks listen --secret-file')
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        'folio webhooks listen --host')
            COMPREPLY=(); return 0 ;;
        'folio webhooks listen --port')
            COMPREPLY=(); return 0 ;;
        'folio webhooks listen --respond')
            COMPREPLY=(); return 0 ;;
        'folio webhooks listen --count')
            COMPREPLY=(); return 0 ;;
        'folio webhooks listen --tolerance')
            COMPREPLY=(); return 0 ;;
        'folio events list --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio events list --type')
            COMPREPLY=(); return 0 ;;
        'folio events list --since')
            COMPREPLY=(); return 0 ;;
        'folio events list --until')
            COMPREPLY=(); return 0 ;;
        'folio events list --limit')
            COMPREPLY=(); return 0 ;;
        'folio events list --cursor')
            COMPREPLY=(); return 0 ;;
        'folio notifications list --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio notifications list --issuer')
            _folio_dynamic 'issuers'; return 0 ;;
        'folio notifications list --since-id')
            COMPREPLY=(); return 0 ;;
        'folio notifications list --limit')
            COMPREPLY=(); return 0 ;;
        'folio notifications list --cursor')
            COMPREPLY=(); return 0 ;;
        'folio notifications read --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio notifications preferences --tenant')
            _folio_dynamic 'tenants'; return 0 ;;
        'folio notifications preferences --enable')
            _folio_choices 'certificate.expiring' 'certificate.expired' 'webhook.failed' 'webhook.endpoint_disabled'; return 0 ;;
        'folio notifications preferences --disable')
            _folio_choices 'certificate.expiring' 'certificate.expired' 'webhook.failed' 'webhook.endpoint_disabled'; return 0 ;;
        'folio audit list --target')
            COMPREPLY=(); return 0 ;;
        'folio audit list --action')
            COMPREPLY=(); return 0 ;;
        'folio audit list --since')
            COMPREPLY=(); return 0 ;;
        'folio audit list --until')
            COMPREPLY=(); return 0 ;;
        'folio audit list --limit')
            COMPREPLY=(); return 0 ;;
        'folio audit list --cursor')
            COMPREPLY=(); return 0 ;;
        *" --store")
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        *" --output"|*" -o")
            _folio_choices 'table' 'json' 'jsonl' 'csv' 'id'; return 0 ;;
        *" --actor")
            COMPREPLY=(); return 0 ;;
        *" --idempotency-key")
            COMPREPLY=(); return 0 ;;
        *" --lock-timeout")
            COMPREPLY=(); return 0 ;;
    esac

    case "$cur" in
        -*)
            opts=""
            case "$cmd" in
            'folio') opts='--help --version' ;;
            'folio init') opts='--help' ;;
            'folio completions') opts='--help' ;;
            'folio version') opts='--help' ;;
            'folio store') opts='--help' ;;
            'folio store info') opts='--help' ;;
            'folio store check') opts='--help' ;;
            'folio store backup') opts='--help' ;;
            'folio store rotate-master-key') opts='--help' ;;
            'folio tenants') opts='--help' ;;
            'folio tenants register') opts='--email --name --tier --language --ruc --help' ;;
            'folio tenants list') opts='--status --tier --search --limit --cursor --all --help' ;;
            'folio tenants show') opts='--help' ;;
            'folio tenants verify') opts='--token-file --force --help' ;;
            'folio tenants resend-verification') opts='--help' ;;
            'folio tenants set-tier') opts='--help' ;;
            'folio tenants set-language') opts='--help' ;;
            'folio tenants suspend') opts='--reason --help' ;;
            'folio tenants activate') opts='--help' ;;
            'folio tenants promote') opts='--force --help' ;;
            'folio keys') opts='--help' ;;
            'folio keys mint') opts='--tenant --label --scope --env --expires-in --expires-at --rate-limit --help' ;;
            'folio keys list') opts='--tenant --env --status --label --limit --cursor --all --help' ;;
            'folio keys show') opts='--help' ;;
            'folio keys revoke') opts='--reason --tenant --all --help' ;;
            'folio keys rotate') opts='--grace --help' ;;
            'folio keys verify') opts='--key-file --scope --help' ;;
            'folio keys scan') opts='--revoke --help' ;;
            'folio issuers') opts='--help' ;;
            'folio issuers create') opts='--tenant --name --ruc --establishment --point --address --establishment-address --legal-name --trade-name --keeps-accounts --special-taxpayer --inherit-cert-from --help' ;;
            'folio issuers list') opts='--tenant --limit --cursor --all --help' ;;
            'folio issuers show') opts='--help' ;;
            'folio issuers cert') opts='--help' ;;
            'folio issuers cert generate') opts='--days --help' ;;
            'folio issuers cert import') opts='--p12 --password-stdin --password-file --password-env --help' ;;
            'folio issuers cert show') opts='--help' ;;
            'folio issuers doc-types') opts='--help' ;;
            'folio issuers doc-types list') opts='--help' ;;
            'folio issuers doc-types enable') opts='--help' ;;
            'folio issuers doc-types disable') opts='--help' ;;
            'folio documents') opts='--help' ;;
            'folio documents create') opts='--issuer --file --profile --help' ;;
            'folio documents list') opts='--tenant --issuer --type --status --from --to --buyer --buyer-name --min-total --max-total --access-key-prefix --sort --limit --cursor --all --help' ;;
            'folio documents show') opts='--help' ;;
            'folio documents events') opts='--help' ;;
            'folio documents xml') opts='--help' ;;
            'folio documents pdf') opts='--file --output-file --force --help' ;;
            'folio documents verify') opts='--file --help' ;;
            'folio documents decode-key') opts='--help' ;;
            'folio exports') opts='--help' ;;
            'folio exports create') opts='--tenant --issuer --type --status --from --to --buyer --buyer-name --min-total --max-total --access-key-prefix --all-time --include --help' ;;
            'folio exports list') opts='--tenant --status --limit --cursor --all --help' ;;
            'folio exports show') opts='--help' ;;
            'folio exports download') opts='--output-file --force --help' ;;
            'folio exports verify') opts='--help' ;;
            'folio exports prune') opts='--older-than --tenant --help' ;;
            'folio webhooks') opts='--help' ;;
            'folio webhooks create') opts='--tenant --url --events --allow-private --help' ;;
            'folio webhooks list') opts='--tenant --include-deleted --limit --cursor --all --help' ;;
            'folio webhooks show') opts='--help' ;;
            'folio webhooks update') opts='--url --events --active --allow-private --help' ;;
            'folio webhooks delete') opts='--help' ;;
            'folio webhooks rotate-secret') opts='--grace --help' ;;
            'folio webhooks replay') opts='--event --since --until --endpoint --tenant --type --status --rate --help' ;;
            'folio webhooks deliver') opts='--once --watch --concurrency --help' ;;
            'folio webhooks attempts') opts='--endpoint --status --event --limit --cursor --all --help' ;;
            'folio webhooks sign') opts='--secret-file --id --timestamp --body-file --help' ;;
            'folio webhooks verify') opts='--secret-file --headers --body-file --tolerance --help' ;;
            'folio webhooks listen') opts='--secret-file --host --port --respond --count --accept-invalid --tolerance --help' ;;
            'folio events') opts='--help' ;;
            'folio events list') opts='--tenant --type --since --until --limit --cursor --all --help' ;;
            'folio notifications') opts='--help' ;;
            'folio notifications list') opts='--tenant --issuer --unread --since-id --limit --cursor --all --help' ;;
            'folio notifications read') opts='--all --tenant --help' ;;
            'folio notifications preferences') opts='--tenant --enable --disable --help' ;;
            'folio jobs') opts='--help' ;;
            'folio jobs run') opts='--help' ;;
            'folio audit') opts='--help' ;;
            'folio audit list') opts='--target --action --since --until --reverse --limit --cursor --all --help' ;;
            'folio audit verify') opts='--help' ;;
            esac
            opts="$opts "'--store --output --actor --idempotency-key --dry-run --yes --no-color --quiet --lock-timeout'
            COMPREPLY=($(compgen -W "$opts" -- "$cur")) ;;
        *)
            case "$cmd" in
            'folio') COMPREPLY=($(compgen -W 'init completions version store tenants keys issuers documents exports webhooks events notifications jobs audit' -- "$cur")) ;;
            'folio completions')
                case $n in
                    0) _folio_choices 'bash' 'zsh' 'fish' ;;
                esac ;;
            'folio store') COMPREPLY=($(compgen -W 'info check backup rotate-master-key' -- "$cur")) ;;
            'folio store backup')
                case $n in
                    0) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
                esac ;;
            'folio tenants') COMPREPLY=($(compgen -W 'register list show verify resend-verification set-tier set-language suspend activate promote' -- "$cur")) ;;
            'folio tenants show')
                case $n in
                    0) _folio_dynamic 'tenants' ;;
                esac ;;
            'folio tenants verify')
                case $n in
                    0) _folio_dynamic 'tenants' ;;
                esac ;;
            'folio tenants resend-verification')
                case $n in
                    0) _folio_dynamic 'tenants' ;;
                esac ;;
            'folio tenants set-tier')
                case $n in
                    0) _folio_dynamic 'tenants' ;;
                    1) _folio_choices 'trial' 'starter' 'growth' 'pro' 'business' ;;
                esac ;;
            'folio tenants set-language')
                case $n in
                    0) _folio_dynamic 'tenants' ;;
                    1) _folio_choices 'es' 'en' ;;
                esac ;;
            'folio tenants suspend')
                case $n in
                    0) _folio_dynamic 'tenants' ;;
                esac ;;
            'folio tenants activate')
                case $n in
                    0) _folio_dynamic 'tenants' ;;
                esac ;;
            'folio tenants promote')
                case $n in
                    0) _folio_dynamic 'tenants' ;;
                esac ;;
            'folio keys') COMPREPLY=($(compgen -W 'mint list show revoke rotate verify scan' -- "$cur")) ;;
            'folio keys show')
                case $n in
                    0) _folio_dynamic 'keys' ;;
                esac ;;
            'folio keys revoke')
                case $n in
                    0) _folio_dynamic 'unrevoked-keys' ;;
                esac ;;
            'folio keys rotate')
                case $n in
                    0) _folio_dynamic 'unrevoked-keys' ;;
                esac ;;
            'folio keys scan')
                case $n in
                    *) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
                esac ;;
            'folio issuers') COMPREPLY=($(compgen -W 'create list show cert doc-types' -- "$cur")) ;;
            'folio issuers show')
                case $n in
                    0) _folio_dynamic 'issuers' ;;
                esac ;;
            'folio issuers cert') COMPREPLY=($(compgen -W 'generate import show' -- "$cur")) ;;
            'folio issuers cert generate')
                case $n in
                    0) _folio_dynamic 'issuers' ;;
                esac ;;
            'folio issuers cert import')
                case $n in
                    0) _folio_dynamic 'issuers' ;;
                esac ;;
            'folio issuers cert show')
                case $n in
                    0) _folio_dynamic 'issuers' ;;
                esac ;;
            'folio issuers doc-types') COMPREPLY=($(compgen -W 'list enable disable' -- "$cur")) ;;
            'folio issuers doc-types list')
                case $n in
                    0) _folio_dynamic 'issuers' ;;
                esac ;;
            'folio issuers doc-types enable')
                case $n in
                    0) _folio_dynamic 'issuers' ;;
                esac ;;
            'folio issuers doc-types disable')
                case $n in
                    0) _folio_dynamic 'issuers' ;;
                esac ;;
            'folio documents') COMPREPLY=($(compgen -W 'create list show events xml pdf verify decode-key' -- "$cur")) ;;
            'folio documents show')
                case $n in
                    0) _folio_dynamic 'documents' ;;
                esac ;;
            'folio documents events')
                case $n in
                    0) _folio_dynamic 'documents' ;;
                esac ;;
            'folio documents xml')
                case $n in
                    0) _folio_dynamic 'documents' ;;
                esac ;;
            'folio documents pdf')
                case $n in
                    0) _folio_dynamic 'documents' ;;
                esac ;;
            'folio documents verify')
                case $n in
                    0) _folio_dynamic 'documents' ;;
                esac ;;
            'folio exports') COMPREPLY=($(compgen -W 'create list show download verify prune' -- "$cur")) ;;
            'folio exports verify')
                case $n in
                    0) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
                esac ;;
            'folio webhooks') COMPREPLY=($(compgen -W 'create list show update delete rotate-secret replay deliver attempts sign verify listen' -- "$cur")) ;;
            'folio events') COMPREPLY=($(compgen -W 'list' -- "$cur")) ;;
            'folio notifications') COMPREPLY=($(compgen -W 'list read preferences' -- "$cur")) ;;
            'folio jobs') COMPREPLY=($(compgen -W 'run' -- "$cur")) ;;
            'folio audit') COMPREPLY=($(compgen -W 'list verify' -- "$cur")) ;;
            esac ;;
    esac
    return 0
}

_folio_words() {
    local j piece last="" glue pos=0 line=${COMP_LINE-}
    words=()
    cword=0
    for (( j = 0; j <= COMP_CWORD && j < ${#COMP_WORDS[@]}; j++ )); do
        piece=${COMP_WORDS[j]}
        glue=0
        if [ -n "${COMP_LINE+set}" ]; then
            glue=1
            while [ "$pos" -lt "${#line}" ] && [[ ${line:pos:1} == [[:space:]] ]]; do
                pos=$((pos + 1))
                glue=0
            done
            pos=$((pos + ${#piece}))
        elif [[ -n $piece && -z ${piece//[=:@]/} ]] || [[ -n $last && -z ${last//[=:@]/} ]]; then
            glue=1
        fi
        if [ "$j" -gt 0 ] && [ "$glue" = 1 ]; then
            words[${#words[@]}-1]+=$piece
        else
            words+=("$piece")
        fi
        last=$piece
    done
    cword=$(( ${#words[@]} - 1 ))
}

_folio_dequote() {
    REPLY=$1
    case "$REPLY" in
        \'*) REPLY=${REPLY#\'}; REPLY=${REPLY%\'} ;;
        \"*) REPLY=${REPLY#\"}; REPLY=${REPLY%\"} ;;
        *)
            REPLY=${REPLY//\\/}
            case "$REPLY" in \~/*) REPLY=$HOME/${REPLY#\~/} ;; esac ;;
    esac
}

_folio_offer() {
    local piece lead before value q quote=""
    # What readline replaces: the last piece, or nothing after a break character, but
    # with an '@' before it kept (bash's rl_special_prefixes).
    piece=${COMP_WORDS[COMP_CWORD]}
    if [[ -n $piece && -z ${piece//[${COMP_WORDBREAKS-=:@}]/} ]]; then
        piece=${piece##*[!@]}
    else
        before=${words[cword]%"$piece"}
        piece=${before##*[!@]}$piece
    fi
    lead=${words[cword]%"$cur"}
    before=${words[cword]%"$piece"}
    case "$cur" in \'*) quote=\' ;; \"*) quote=\" ;; esac
    COMPREPLY=()
    for value in "$@"; do
        case "$quote" in
            \') COMPREPLY+=("${value//\'/\'\\\'\'}") ;;
            \")
                q=${value//\\/\\\\}
                q=${q//\"/\\\"}
                q=${q//\$/\\\$}
                COMPREPLY+=("${q//\`/\\\`}") ;;
            *)
                printf -v q '%q' "$value"
                q=$lead$q
                case "$q" in "$before"*) COMPREPLY+=("${q#"$before"}") ;; esac ;;
        esac
    done
}

_folio_choices() {
    local value
    local -a matches=()
    _folio_dequote "$cur"
    for value in "$@"; do
        case "$value" in "$REPLY"*) matches+=("$value") ;; esac
    done
    _folio_offer "${matches[@]}"
}

_folio_dynamic() {
    local kind=$1 line value k=1 exe
    local -a fwd=() values=()
    while [ "$k" -lt "$cword" ]; do
        case "${words[k]}" in
            --) break ;;
            --store)
                k=$((k + 1))
                if [ "$k" -lt "$cword" ]; then _folio_dequote "${words[k]}"; fwd+=('--store' "$REPLY"); fi ;;
            --store=*) _folio_dequote "${words[k]#*=}"; fwd+=('--store' "$REPLY") ;;
        esac
        k=$((k + 1))
    done
    _folio_dequote "${COMP_WORDS[0]}"
    exe=$REPLY
    _folio_dequote "$cur"
    while IFS= read -r line; do
        value=${line%%$'\t'*}
        [ -n "$value" ] && values+=("$value")
    done < <("$exe" "${fwd[@]}" '__complete' "$kind" -- "$REPLY" 2>/dev/null)
    _folio_offer "${values[@]}"
}

complete -F _folio folio
