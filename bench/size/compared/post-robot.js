export { on, send } from 'post-robot'
