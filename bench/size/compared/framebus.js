export { default } from 'framebus'
